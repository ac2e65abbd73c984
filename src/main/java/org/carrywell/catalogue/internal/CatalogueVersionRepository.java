package org.carrywell.catalogue.internal;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface CatalogueVersionRepository extends ListCrudRepository<CatalogueVersion, Long> {

	Optional<CatalogueVersion> findFirstByOrderByLoadedAtDescIdDesc();

}
