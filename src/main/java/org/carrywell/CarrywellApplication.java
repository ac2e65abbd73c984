package org.carrywell;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Carrywell: safe exercise for back pain in pregnancy. Each top-level package is a Spring Modulith module. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CarrywellApplication {

	public static void main(String[] args) {
		SpringApplication.run(CarrywellApplication.class, args);
	}

}
