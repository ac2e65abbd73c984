package org.carrywell.sharing;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * HAPI FHIR's validator against the base R4 profiles, offline: the structure definitions and value sets that ship
 * with R4, the code systems HAPI knows (UCUM among them), and a warning, not an error, for code systems it cannot
 * check here (LOINC, SNOMED CT: their full content is not bundled). Made once: the first validation loads the
 * profiles (several seconds), later ones take milliseconds.
 */
final class FhirValidation {

	private static final FhirValidator VALIDATOR = validator();

	private FhirValidation() {
	}

	private static FhirValidator validator() {
		FhirContext fhir = FhirContext.forR4Cached();
		var unknownSystems = new UnknownCodeSystemWarningValidationSupport(fhir);
		unknownSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
		var chain = new ValidationSupportChain(new DefaultProfileValidationSupport(fhir),
				new CommonCodeSystemsTerminologyService(fhir), new InMemoryTerminologyServerValidationSupport(fhir),
				new SnapshotGeneratingValidationSupport(fhir), unknownSystems);
		return fhir.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
	}

	/** The errors (and fatal errors) the validator finds in a resource given as JSON. */
	static List<SingleValidationMessage> errors(String json) {
		return VALIDATOR.validateWithResult(json)
			.getMessages()
			.stream()
			.filter(message -> message.getSeverity() == ResultSeverityEnum.ERROR
					|| message.getSeverity() == ResultSeverityEnum.FATAL)
			.toList();
	}

}
