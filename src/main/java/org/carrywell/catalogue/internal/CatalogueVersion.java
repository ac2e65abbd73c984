package org.carrywell.catalogue.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/** A version of the catalogue's content, recorded the first time this instance's database saw it. */
public record CatalogueVersion(@Id @Nullable Long id, String contentVersion, int exerciseCount, Instant loadedAt) {

	static CatalogueVersion firstSeen(String contentVersion, int exerciseCount, Instant loadedAt) {
		return new CatalogueVersion(null, contentVersion, exerciseCount, loadedAt);
	}

}
