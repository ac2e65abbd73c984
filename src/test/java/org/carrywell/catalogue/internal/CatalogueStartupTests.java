package org.carrywell.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import org.carrywell.CarrywellApplication;

import org.carrywell.system.ContentInvalidException;

/** A broken exercise file stops the application from starting, and says which file and field to fix. */
@ExtendWith(OutputCaptureExtension.class)
class CatalogueStartupTests {

	@Test
	void aBrokenCatalogueStopsStartUpNamingFileAndField(CapturedOutput output) {
		var application = new SpringApplication(CarrywellApplication.class);

		assertThatThrownBy(() -> application.run("--carrywell.catalogue.location=classpath:catalogue-broken/",
				"--server.port=0", "--spring.datasource.url=jdbc:h2:mem:startup-test"))
			.hasRootCauseInstanceOf(ContentInvalidException.class);

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("catalogue-broken/exercises/bad-position.yaml: field 'position': unknown value 'UPSIDE_DOWN'")
			.contains("catalogue-broken/exercises/no-dose.yaml: field 'dose': required field is missing")
			.contains("catalogue-broken/exercises/wrong-name.yaml: field 'id'")
			.contains("docs/catalogue-format.md");
	}

}
