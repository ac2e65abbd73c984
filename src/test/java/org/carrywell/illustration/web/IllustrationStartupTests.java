package org.carrywell.illustration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import org.carrywell.CarrywellApplication;
import org.carrywell.system.ContentInvalidException;

/** A drawing no body could hold stops the application, naming the file and keyframe to fix. */
@ExtendWith(OutputCaptureExtension.class)
class IllustrationStartupTests {

	@Test
	void anImplausibleDrawingStopsStartUp(CapturedOutput output) {
		var application = new SpringApplication(CarrywellApplication.class);

		assertThatThrownBy(() -> application.run("--carrywell.catalogue.location=classpath:catalogue-implausible/",
				"--carrywell.learn.location=classpath:learn-test/", "--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:implausible-test"))
			.hasRootCauseInstanceOf(ContentInvalidException.class);

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The exercise catalogue's drawing data has 1 problem")
			.contains("exercises/floor-tilt.yaml: field 'poses.keyframes[1]': a figure SUPINE needs one of [LEFT_ANKLE");
	}

}
