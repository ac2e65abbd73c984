package org.carrywell;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Each top-level package is a module; modules only use each other's base packages, and never in a cycle. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(CarrywellApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDiagrams() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
