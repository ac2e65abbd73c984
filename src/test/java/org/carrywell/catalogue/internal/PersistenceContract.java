package org.carrywell.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.carrywell.catalogue.Catalogue;

/**
 * The persistence code, run unchanged against each database Carrywell supports: one subclass per database.
 * Later issues add their repositories' tests here so that both databases prove every table.
 */
abstract class PersistenceContract {

	@Autowired
	Flyway flyway;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CatalogueVersionRepository versions;

	@Autowired
	CatalogueVersionRecorder recorder;

	@Autowired
	Catalogue catalogue;

	@BeforeEach
	void startEmpty() {
		versions.deleteAll();
	}

	@Test
	void everyMigrationApplies() {
		var info = flyway.info();
		assertThat(info.applied()).isNotEmpty();
		assertThat(info.pending()).isEmpty();
		assertThat(info.applied()).allSatisfy(migration -> assertThat(migration.getState().isFailed()).isFalse());
	}

	@Test
	void recordsTheLoadedCatalogueOnceAndANewVersionWhenItChanges() {
		assertThat(recorder.record()).isTrue();
		assertThat(recorder.record()).isFalse();
		assertThat(versions.findAll()).singleElement().satisfies(version -> {
			assertThat(version.id()).isNotNull();
			assertThat(version.contentVersion()).isEqualTo(catalogue.version());
			assertThat(version.exerciseCount()).isEqualTo(catalogue.size());
		});

		versions.save(CatalogueVersion.firstSeen("older-content", 3, Instant.now().plusSeconds(60)));
		assertThat(recorder.record()).as("the latest recorded is another version").isTrue();
		assertThat(versions.count()).isEqualTo(3);
	}

	@Test
	void findsTheLatestVersionByTime() {
		Instant now = Instant.parse("2026-11-24T10:15:30.123456Z");
		versions.save(CatalogueVersion.firstSeen("first", 1, now));
		versions.save(CatalogueVersion.firstSeen("second", 2, now.plusSeconds(1)));

		assertThat(versions.findFirstByOrderByLoadedAtDescIdDesc()).hasValueSatisfying(latest -> {
			assertThat(latest.contentVersion()).isEqualTo("second");
			assertThat(latest.loadedAt()).isEqualTo(now.plusSeconds(1));
		});
	}

	String databaseProduct() {
		return jdbc.execute((java.sql.Connection connection) -> connection.getMetaData().getDatabaseProductName() + " "
				+ connection.getMetaData().getDatabaseProductVersion());
	}

}
