package org.carrywell.plans.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.ExerciseId;
import org.carrywell.planning.PlanAdjustment;
import org.carrywell.planning.PlanGenerator;
import org.carrywell.planning.PlanRequest;
import org.carrywell.planning.WeeklyPlan;
import org.carrywell.safety.Condition;
import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.InvalidInputException;
import org.carrywell.safety.Screening;
import org.carrywell.safety.ScreeningOutcome;
import org.carrywell.system.ApiProblems;
import org.carrywell.system.InvalidParameter;

/** A weekly plan as JSON: the screening decides whether there is one; the generator builds it. */
@RestController
@RequestMapping(path = "/api/v1/plans", produces = "application/json")
@Tag(name = "Plans", description = "A week of short sessions for a person")
class PlanApiController {

	private final Catalogue catalogue;

	private final MessageSource messages;

	private final Clock clock;

	private final PlanTexts texts;

	PlanApiController(Catalogue catalogue, MessageSource messages, Clock clock, PlanTexts texts) {
		this.catalogue = catalogue;
		this.messages = messages;
		this.clock = clock;
		this.texts = texts;
	}

	record ScreeningAnswers(@Nullable Map<String, @Nullable Boolean> answers) {
	}

	record Adjustment(@Nullable String feedback, @Nullable Integer painChange) {
	}

	record PlanRequestBody(@Nullable Integer weeksPregnant, @Nullable LocalDate dueDate,
			@Nullable ScreeningAnswers screening, @Nullable Map<String, @Nullable Integer> painAreas,
			@Nullable List<String> conditions, @Nullable Integer minutesPerSession, @Nullable Integer sessionsPerWeek,
			@Nullable List<String> equipment, @Nullable Boolean floorOk, @Nullable List<String> pinned,
			@Nullable List<String> excluded, @Nullable Adjustment adjustment) {
	}

	record ReasonJson(String kind, String detail, String text) {
	}

	record DoseJson(int sets, @Nullable Integer reps, @Nullable Integer holdSeconds, @Nullable Integer breaths,
			@Nullable Integer minutes, @Nullable Integer secondsPerRep, int restSeconds, boolean perSide) {
	}

	record ItemJson(String exerciseId, String name, String position, String category, DoseJson dose, int seconds,
			List<ReasonJson> reasons) {
	}

	record SessionJson(int day, List<String> focus, int totalSeconds, List<ItemJson> items) {
	}

	record RuleJson(String rule, List<String> offending, String explanation, List<String> sources) {
	}

	record ExcludedJson(String exerciseId, boolean byProvider, List<RuleJson> reasons, List<String> alternatives) {
	}

	record NoteJson(String kind, String detail) {
	}

	record PlanJson(String status, int weeksPregnant, int trimester, List<SessionJson> sessions,
			List<ExcludedJson> excluded, List<NoteJson> notes) {
	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "Build a week's plan",
			description = "The screening answers decide: READY, CLEARANCE_NEEDED (a plan, to check with a provider "
					+ "first) or NOT_ADVISED (no sessions). Missing answers count as not answered.")
	PlanJson plan(@RequestBody PlanRequestBody body) {
		GestationalAge age = AgeInput.resolve(body.weeksPregnant(), body.dueDate(), LocalDate.now(clock));
		ScreeningOutcome screening = Screening
			.assess(RequestValues.answers(body.screening() == null ? null : body.screening().answers()), age)
			.outcome();
		var request = new PlanRequest(age, screening, RequestValues.pain("painAreas", body.painAreas()),
				RequestValues.vocabularySet(Condition.class, "conditions", body.conditions()),
				required("minutesPerSession", body.minutesPerSession()), required("sessionsPerWeek", body.sessionsPerWeek()),
				RequestValues.vocabularySet(Equipment.class, "equipment", body.equipment()),
				Boolean.TRUE.equals(body.floorOk()), exerciseIds("pinned", body.pinned()),
				exerciseIds("excluded", body.excluded()), adjustment(body.adjustment()));
		return toJson(PlanGenerator.generate(catalogue, request));
	}

	private PlanJson toJson(WeeklyPlan plan) {
		var sessions = plan.sessions()
			.stream()
			.map(session -> new SessionJson(session.day(), session.focus().stream().map(Enum::name).toList(),
					session.totalSeconds(), session.items().stream().map(this::toJson).toList()))
			.toList();
		var excluded = plan.leftOut()
			.stream()
			.map(left -> new ExcludedJson(left.exercise().id().value(), left.byProvider(),
					left.hits()
						.stream()
						.map(hit -> new RuleJson(hit.ruleId(), hit.offending(), text("rule." + hit.ruleId()),
								hit.rule().sources()))
						.toList(),
					left.alternatives().stream().map(e -> e.id().value()).toList()))
			.toList();
		var notes = plan.notes().stream().map(note -> new NoteJson(note.kind().name(), note.detail())).toList();
		return new PlanJson(plan.status().name(), plan.age().weeks(), plan.age().trimester().number(), sessions, excluded,
				notes);
	}

	private ItemJson toJson(WeeklyPlan.Item item) {
		var dose = item.dose();
		return new ItemJson(item.exercise().id().value(), item.exercise().name(), item.exercise().position().name(),
				item.exercise().category().name(),
				new DoseJson(dose.sets(), dose.reps(), dose.holdSeconds(), dose.breaths(), dose.minutes(),
						dose.secondsPerRep(), dose.restSeconds(), dose.perSide()),
				item.seconds(), item.reasons().stream().map(this::toJson).toList());
	}

	private ReasonJson toJson(WeeklyPlan.Reason reason) {
		return new ReasonJson(reason.kind().name(), reason.detail(), texts.reason(reason, Locale.ENGLISH));
	}

	private static int required(String field, @Nullable Integer value) {
		if (value == null) {
			throw new InvalidInputException(field, "is required");
		}
		return value;
	}

	private Set<ExerciseId> exerciseIds(String field, @Nullable List<String> ids) {
		if (ids == null) {
			return Set.of();
		}
		return ids.stream()
			.map(id -> catalogue.find(String.valueOf(id))
				.orElseThrow(() -> new InvalidInputException(field, "'" + id + "' is not an exercise"))
				.id())
			.collect(java.util.stream.Collectors.toSet());
	}

	private static @Nullable PlanAdjustment adjustment(@Nullable Adjustment adjustment) {
		if (adjustment == null) {
			return null;
		}
		return new PlanAdjustment(
				RequestValues.vocabulary(PlanAdjustment.Feedback.class, "adjustment.feedback", adjustment.feedback()),
				adjustment.painChange() == null ? 0 : adjustment.painChange());
	}

	private String text(String key) {
		return messages.getMessage(key, null, Locale.ENGLISH);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex, HttpServletRequest request) {
		return ApiProblems.invalid(List.of(new InvalidParameter(ex.field(), "", ex.getMessage(), List.of())), request);
	}

}
