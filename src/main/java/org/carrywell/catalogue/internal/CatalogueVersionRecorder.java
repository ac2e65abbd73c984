package org.carrywell.catalogue.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import org.carrywell.catalogue.Catalogue;

/** Records the loaded catalogue's version when it differs from the last one recorded. */
@Component
class CatalogueVersionRecorder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CatalogueVersionRecorder.class);

	private final Catalogue catalogue;

	private final CatalogueVersionRepository versions;

	private final Clock clock;

	CatalogueVersionRecorder(Catalogue catalogue, CatalogueVersionRepository versions, Clock clock) {
		this.catalogue = catalogue;
		this.versions = versions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		record();
	}

	/** @return whether a new version was recorded */
	public boolean record() {
		boolean unchanged = versions.findFirstByOrderByLoadedAtDescIdDesc()
			.map(latest -> latest.contentVersion().equals(catalogue.version()))
			.orElse(false);
		if (unchanged) {
			return false;
		}
		versions.save(CatalogueVersion.firstSeen(catalogue.version(), catalogue.size(), clock.instant()));
		log.info("Recorded new catalogue version {}", catalogue.version());
		return true;
	}

}
