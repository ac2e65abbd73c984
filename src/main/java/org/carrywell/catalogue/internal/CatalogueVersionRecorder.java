package org.carrywell.catalogue.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import org.carrywell.catalogue.Catalogue;

/**
 * Records the loaded catalogue's version when it differs from the last one recorded. Nodes starting together take
 * turns (a lock in the database), so the second finds the first's row and records nothing.
 */
@Component
class CatalogueVersionRecorder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CatalogueVersionRecorder.class);

	private static final String LOCK = "catalogue-version-record";

	/** Long enough for one check and insert; a node that dies holding the lock frees it this soon. */
	private static final Duration LOCK_AT_MOST = Duration.ofSeconds(30);

	private static final Duration WAIT_BETWEEN_TRIES = Duration.ofMillis(200);

	private final Catalogue catalogue;

	private final CatalogueVersionRepository versions;

	private final LockProvider locks;

	private final Clock clock;

	CatalogueVersionRecorder(Catalogue catalogue, CatalogueVersionRepository versions, LockProvider locks,
			Clock clock) {
		this.catalogue = catalogue;
		this.versions = versions;
		this.locks = locks;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		SimpleLock lock = awaitLock();
		try {
			record();
		}
		finally {
			lock.unlock();
		}
	}

	/** Waits for another starting node to finish its own check; at most as long as it could hold the lock. */
	private SimpleLock awaitLock() throws InterruptedException {
		long tries = LOCK_AT_MOST.toMillis() / WAIT_BETWEEN_TRIES.toMillis() + 1;
		for (long attempt = 0; attempt <= tries; attempt++) {
			Optional<SimpleLock> lock = locks.lock(new LockConfiguration(clock.instant(), LOCK, LOCK_AT_MOST, Duration.ZERO));
			if (lock.isPresent()) {
				return lock.get();
			}
			Thread.sleep(WAIT_BETWEEN_TRIES.toMillis());
		}
		throw new IllegalStateException("The lock " + LOCK + " was held for longer than " + LOCK_AT_MOST);
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
