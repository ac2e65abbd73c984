package org.carrywell.plans.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.safety.ExerciseContext;
import org.carrywell.safety.ExerciseRules;
import org.carrywell.safety.ExerciseVerdict;
import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.InvalidInputException;
import org.carrywell.safety.Person;
import org.carrywell.safety.PersonInput;
import org.carrywell.safety.RuleHit;
import org.carrywell.safety.Screening;
import org.carrywell.safety.ScreeningResult;
import org.carrywell.safety.Symptom;
import org.carrywell.safety.Urgency;
import org.carrywell.safety.WarningSignResult;
import org.carrywell.safety.WarningSigns;
import org.carrywell.system.ApiProblems;
import org.carrywell.system.InvalidParameter;

/**
 * The safety engine as JSON: the screening questions, a screening, a warning-sign check, and the verdict on
 * every exercise for a person. Texts come from the same messages as the pages (English).
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Safety", description = "Screening, warning signs and which exercises are safe for a person")
class SafetyApiController {

	private static final Locale TEXT_LOCALE = Locale.ENGLISH;

	private final Catalogue catalogue;

	private final MessageSource messages;

	private final Clock clock;

	private final MeterRegistry meters;

	SafetyApiController(Catalogue catalogue, MessageSource messages, Clock clock, MeterRegistry meters) {
		this.catalogue = catalogue;
		this.meters = meters;
		for (Urgency urgency : Urgency.values()) {
			meters.counter("carrywell.warning.sign.results", "urgency", urgency.name(), "via", "api");
		}
		this.messages = messages;
		this.clock = clock;
	}

	record Question(String id, String group, String text) {
	}

	@GetMapping("/screening/questions")
	@Operation(summary = "The screening questions, in their groups")
	List<Question> questions() {
		return Screening.questions()
			.stream()
			.map(question -> new Question(question.name(), question.group().name(), text("screening.question." + question)))
			.toList();
	}

	/** @param conditions conditions she declared: TWINS counts as a yes to MULTIPLE_PREGNANCY */
	record ScreeningRequest(@Nullable Integer weeksPregnant, @Nullable LocalDate dueDate, @Nullable LocalDate asOf,
			@Nullable Map<String, @Nullable Boolean> answers, @Nullable List<String> conditions) {
	}

	/** @param fromDeclaredCondition the yes comes from a declared condition (twins), not from her answer */
	record ScreeningReason(String question, String leadsTo, String text, List<String> sources,
			boolean fromDeclaredCondition) {
	}

	record ScreeningResponse(String outcome, int weeksPregnant, List<ScreeningReason> reasons, List<String> missing) {
	}

	@PostMapping(path = "/screening", consumes = "application/json")
	@Operation(summary = "Screen for reasons not to exercise",
			description = "Unanswered questions count as not answered: the outcome is then at least CLEARANCE_NEEDED.")
	ScreeningResponse screening(@RequestBody ScreeningRequest request) {
		Person person = input().person(new ApiInput.Body(request.weeksPregnant(), request.dueDate(), request.asOf(),
				request.answers(), null, request.conditions(), null, null, null), today());
		ScreeningResult result = person.screeningOn(today());
		return new ScreeningResponse(result.outcome().name(), result.age().weeks(),
				result.reasons()
					.stream()
					.map(reason -> new ScreeningReason(reason.question().name(), reason.leadsTo().name(),
							text("screening.question." + reason.question()), reason.sources(),
							reason.fromDeclaredCondition()))
					.toList(),
				result.missing().stream().map(Enum::name).toList());
	}

	record WarningSignsRequest(@Nullable Integer weeksPregnant, @Nullable LocalDate dueDate, @Nullable LocalDate asOf,
			@Nullable List<String> symptoms) {
	}

	record WarningSignReason(String symptom, String urgency, String text, List<String> sources) {
	}

	/**
	 * @param adviceKind the urgency, or POSSIBLE_LABOUR for regular painful contractions from week 37
	 * @param advice what to do, in words
	 */
	record WarningSignsResponse(String urgency, String adviceKind, String advice, boolean stopExercise,
			List<WarningSignReason> reasons) {
	}

	@PostMapping(path = "/warning-signs", consumes = "application/json")
	@Operation(summary = "How urgent are these symptoms",
			description = "The week is optional; without it, contractions and leaking fluid are treated as preterm "
					+ "(an emergency).")
	WarningSignsResponse warningSigns(@RequestBody WarningSignsRequest request) {
		GestationalAge age = request.weeksPregnant() == null && request.dueDate() == null ? null
				: input().person(new ApiInput.Body(request.weeksPregnant(), request.dueDate(), request.asOf(), null, null,
						null, null, null, null), today()).earliestWeekOn(today());
		var symptoms = new ArrayList<Symptom>();
		if (request.symptoms() != null && request.symptoms().size() > PersonInput.MAX_ENTRIES) {
			throw new InvalidInputException("symptoms", "has " + request.symptoms().size() + " entries; at most "
					+ PersonInput.MAX_ENTRIES + " are accepted");
		}
		if (request.symptoms() != null) {
			request.symptoms().forEach(id -> symptoms.add(WarningSigns.symptomOf(String.valueOf(id))));
		}
		WarningSignResult result = WarningSigns.assess(symptoms, age);
		// Counted by urgency for the operator: how often the check sends someone to her provider; never who.
		meters.counter("carrywell.warning.sign.results", "urgency", result.urgency().name(), "via", "api").increment();
		return new WarningSignsResponse(result.urgency().name(), result.advice().name(),
				text("advice." + result.advice()), result.stopsExercise(),
				result.findings()
					.stream()
					.map(finding -> new WarningSignReason(finding.symptom().name(), finding.urgency().name(),
							text("symptom." + finding.symptom()), finding.sources()))
					.toList());
	}

	record SafetyRequest(@Nullable Integer weeksPregnant, @Nullable LocalDate dueDate, @Nullable LocalDate asOf,
			@Nullable List<String> conditions, @Nullable Map<String, @Nullable Integer> pain,
			@Nullable List<String> equipment, @Nullable Boolean floorOk) {
	}

	record RuleReason(String rule, List<String> offending, String explanation, List<String> sources) {
	}

	record ExerciseSafety(String id, String name, boolean allowed, List<RuleReason> reasons, List<RuleReason> cautions,
			List<String> saferVariants) {
	}

	record SafetyResponse(int weeksPregnant, int trimester, List<ExerciseSafety> exercises) {
	}

	@PostMapping(path = "/safety/exercises", consumes = "application/json")
	@Operation(summary = "Which exercises are safe for this person, and why not the others",
			description = "Missing equipment means none; a missing floorOk means getting to the floor is not comfortable.")
	SafetyResponse exercises(@RequestBody SafetyRequest request) {
		Person person = input().person(new ApiInput.Body(request.weeksPregnant(), request.dueDate(), request.asOf(), null,
				request.pain(), request.conditions(), request.equipment(), request.floorOk(), null), today());
		ExerciseContext context = person.exerciseContextOn(today());
		var verdicts = ExerciseRules.assess(catalogue, context).verdicts().stream().map(this::toJson).toList();
		return new SafetyResponse(context.age().weeks(), context.age().trimester().number(), verdicts);
	}

	private ApiInput input() {
		return new ApiInput("answers", "pain", messages);
	}

	private ExerciseSafety toJson(ExerciseVerdict verdict) {
		return new ExerciseSafety(verdict.exercise().id().value(), verdict.exercise().name(), verdict.allowed(),
				verdict.exclusions().stream().map(this::toJson).toList(),
				verdict.cautions().stream().map(this::toJson).toList(),
				verdict.saferVariants().stream().map(exercise -> exercise.id().value()).toList());
	}

	private RuleReason toJson(RuleHit hit) {
		return new RuleReason(hit.ruleId(), hit.offending(), text("rule." + hit.ruleId()), hit.rule().sources());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex, HttpServletRequest request) {
		return ApiProblems.invalid(List.of(new InvalidParameter(ex.field(), "", ex.getMessage(), List.of())), request);
	}

	private String text(String key) {
		return messages.getMessage(key, null, TEXT_LOCALE);
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

}
