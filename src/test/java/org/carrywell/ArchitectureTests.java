package org.carrywell;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "org.carrywell", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/**
	 * The catalogue's model (its base package only), the safety engine, the plan generator and the drawing of
	 * exercises (its base package only) are plain Java: no framework, no servlet API, no database. They can be
	 * tested alone and reasoned about alone.
	 */
	@ArchTest
	static final ArchRule engineAndModelArePlainJava = plainJava("org.carrywell.catalogue", "org.carrywell.safety..",
			"org.carrywell.planning..", "org.carrywell.illustration");

	/** Controllers are package-private: a module's API is its base package, not its web layer. */
	@ArchTest
	static final ArchRule controllersArePackagePrivate = classes().that()
		.areAnnotatedWith(Controller.class)
		.or()
		.areAnnotatedWith(RestController.class)
		.should()
		.notBePublic();

	/**
	 * With several app nodes on one database, a scheduled job must run on one of them at a time: every scheduled
	 * method takes its lock (SchedulingConfiguration), and its class can be proxied for that (not final).
	 */
	@ArchTest
	static final ArchRule scheduledJobsRunOnOneNodeAtATime = methods().that()
		.areAnnotatedWith(Scheduled.class)
		.should()
		.beAnnotatedWith(SchedulerLock.class)
		.andShould()
		.notBeFinal()
		.andShould()
		.notBePrivate();

	@ArchTest
	static final ArchRule scheduledJobsCanBeProxied = classes().that()
		.containAnyMethodsThat(DescribedPredicate.describe("are scheduled",
				method -> method.isAnnotatedWith(Scheduled.class)))
		.should()
		.notHaveModifier(JavaModifier.FINAL);

	/** A rule that cannot fail proves nothing: the same rule must catch the catalogue's Spring wiring. */
	@Test
	void thePlainJavaRuleCatchesFrameworkCode() {
		var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.carrywell.catalogue.internal");
		assertThatThrownBy(() -> plainJava("org.carrywell.catalogue.internal").check(classes))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("org.springframework");
	}

	/**
	 * A pure module still declares which modules it may use (Spring Modulith reads the annotation on its
	 * package-info, and verify() enforces it): that declaration, and the nullness default, are all its package-info
	 * may carry.
	 */
	@ArchTest
	static final ArchRule pureModulesOnlyDeclareTheirDependencies = classes().that()
		.resideInAnyPackage("org.carrywell.catalogue", "org.carrywell.safety", "org.carrywell.planning",
				"org.carrywell.illustration")
		.and()
		.haveSimpleName("package-info")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("org.springframework.modulith..", "org.jspecify..", "java.lang..", "org.carrywell..");

	static ArchRule plainJava(String... packages) {
		return noClasses().that()
			.resideInAnyPackage(packages)
			.and()
			.doNotHaveSimpleName("package-info")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta..", "javax..", "java.sql..", "org.hibernate..",
					"org.flywaydb..", "com.fasterxml.jackson..", "tools.jackson..")
			.allowEmptyShould(true)
			.because("the model and the engine stay pure, deterministic and framework-free");
	}

}
