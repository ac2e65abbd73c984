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
import org.carrywell.catalogue.ExerciseId;
import org.carrywell.planning.LearnedWeek;
import org.carrywell.planning.PlanAdjustment;
import org.carrywell.plans.WeekPlans;
import org.carrywell.planning.PlanRequest;
import org.carrywell.planning.WeeklyPlan;
import org.carrywell.safety.InvalidInputException;
import org.carrywell.safety.Person;
import org.carrywell.safety.PersonInput;
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

	private final WeekPlans weekPlans;

	PlanApiController(Catalogue catalogue, MessageSource messages, Clock clock, PlanTexts texts, WeekPlans weekPlans) {
		this.weekPlans = weekPlans;
		this.catalogue = catalogue;
		this.messages = messages;
		this.clock = clock;
		this.texts = texts;
	}

	record ScreeningAnswers(@Nullable Map<String, @Nullable Boolean> answers) {
	}

	record Adjustment(@Nullable String feedback, @Nullable Integer painChange) {
	}

	/**
	 * @param asOf the day {@code weeksPregnant} was true on (default: today); the plan is for her week today
	 * @param priorActivity INACTIVE, SOME or ACTIVE; without it a first plan starts as for INACTIVE
	 */
	record PlanRequestBody(@Nullable Integer weeksPregnant, @Nullable LocalDate dueDate, @Nullable LocalDate asOf,
			@Nullable ScreeningAnswers screening, @Nullable Map<String, @Nullable Integer> painAreas,
			@Nullable List<String> conditions, @Nullable Integer minutesPerSession, @Nullable Integer sessionsPerWeek,
			@Nullable List<String> equipment, @Nullable Boolean floorOk, @Nullable String priorActivity,
			@Nullable List<String> pinned, @Nullable List<String> excluded, @Nullable Adjustment adjustment) {
	}

	record ReasonJson(String kind, String detail, String text) {
	}

	record DoseJson(int sets, @Nullable Integer reps, @Nullable Integer holdSeconds, @Nullable Integer breaths,
			@Nullable Integer minutes, @Nullable Integer secondsPerRep, int restSeconds, boolean perSide) {
	}

	/**
	 * @param trimesterNote what the exercise file says for her trimester (empty when nothing)
	 * @param cautions what the engine adds (e.g. short holds only), each with its rule and words
	 * @param stopIf when to stop this exercise
	 */
	record ItemJson(String exerciseId, String name, String position, String category, DoseJson dose, int seconds,
			List<ReasonJson> reasons, String trimesterNote, List<RuleJson> cautions, List<String> stopIf) {
	}

	record SessionJson(int day, List<String> focus, int totalSeconds, boolean fillsItsTime, int floorTrips,
			List<ItemJson> items) {
	}

	record RuleJson(String rule, List<String> offending, String explanation, List<String> sources) {
	}

	record ExcludedJson(String exerciseId, boolean byProvider, List<RuleJson> reasons, List<String> alternatives) {
	}

	record NoteJson(String kind, String detail) {
	}

	/**
	 * @param asOf the day the plan is for (today): her week moves on, so a plan is made again each week
	 * @param dueDate her due date, as given or as worked out from the week and its day
	 * @param validUntil the last day before the next week at which a rule or an outcome changes, if any
	 */
	record PlanJson(String status, LocalDate asOf, int weeksPregnant, LocalDate dueDate, int trimester,
			@Nullable LocalDate validUntil, int minutesPerSession, int sessionsPerWeek, List<SessionJson> sessions,
			List<ExcludedJson> excluded, List<NoteJson> notes, List<ChangeJson> changes) {
	}

	/**
	 * What her plan changed this week after her last sessions (her own plan only).
	 *
	 * @param from the exercise as it was, or null for the plan's size
	 * @param to the exercise that replaced it, if one did
	 */
	record ChangeJson(String rule, String step, @Nullable String from, @Nullable String to, String text) {
	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "Build a week's plan",
			description = "The screening answers decide: READY, CLEARANCE_NEEDED (a plan, to check with a provider "
					+ "first) or NOT_ADVISED (no sessions). Missing answers count as not answered. The plan is for "
					+ "her week today: give weeksPregnant with the day it was true on (asOf), or her dueDate.")
	PlanJson plan(@RequestBody PlanRequestBody body) {
		return plan(body, false);
	}

	/** A plan from a body; {@code mine} when the body is her own profile, so that her plan learns from her history. */
	PlanJson plan(PlanRequestBody body, boolean mine) {
		LocalDate today = LocalDate.now(clock);
		var input = new ApiInput("screening.answers", "painAreas", messages);
		Person person = input.person(new ApiInput.Body(body.weeksPregnant(), body.dueDate(), body.asOf(),
				body.screening() == null ? null : body.screening().answers(), body.painAreas(), body.conditions(),
				body.equipment(), body.floorOk(), body.priorActivity()), today);
		var request = PlanRequest.forPerson(person, today, required("minutesPerSession", body.minutesPerSession()),
				required("sessionsPerWeek", body.sessionsPerWeek()), exerciseIds("pinned", body.pinned()),
				exerciseIds("excluded", body.excluded()), adjustment(body.adjustment()));
		WeeklyPlan plan = mine ? weekPlans.makeHers(request) : weekPlans.generate(request);
		var pregnancy = person.pregnancy();
		LocalDate validUntil = pregnancy.nextBoundaryWeekAfter(today)
			.map(week -> pregnancy.firstDayOfWeek(week).minusDays(1))
			.orElse(null);
		return toJson(plan, today, pregnancy.dueDate(), validUntil);
	}

	private PlanJson toJson(WeeklyPlan plan, LocalDate asOf, LocalDate dueDate, @Nullable LocalDate validUntil) {
		var sessions = plan.sessions()
			.stream()
			.map(session -> new SessionJson(session.day(), session.focus().stream().map(Enum::name).toList(),
					session.totalSeconds(), session.fillsItsTime(), session.floorTrips(),
					session.items().stream().map(item -> toJson(item, plan)).toList()))
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
		var changes = plan.changes().stream().map(change -> toJson(change, plan)).toList();
		return new PlanJson(plan.status().name(), asOf, plan.age().weeks(), dueDate, plan.age().trimester().number(),
				validUntil, plan.minutesPerSession(), plan.sessionsPerWeek(), sessions, excluded, notes, changes);
	}

	private ChangeJson toJson(LearnedWeek.Change change, WeeklyPlan plan) {
		return new ChangeJson(change.rule().name(), change.step().name(),
				change.from() == null ? null : change.from().value(), change.to() == null ? null : change.to().value(),
				texts.change(change, plan, Locale.ENGLISH));
	}

	private ItemJson toJson(WeeklyPlan.Item item, WeeklyPlan plan) {
		var dose = item.dose();
		var exercise = item.exercise();
		return new ItemJson(exercise.id().value(), exercise.name(), exercise.position().name(),
				exercise.category().name(),
				new DoseJson(dose.sets(), dose.reps(), dose.holdSeconds(), dose.breaths(), dose.minutes(),
						dose.secondsPerRep(), dose.restSeconds(), dose.perSide()),
				item.seconds(), item.reasons().stream().map(this::toJson).toList(),
				exercise.trimesterNotes().getOrDefault(plan.age().trimester(), ""),
				item.cautions()
					.stream()
					.map(hit -> new RuleJson(hit.ruleId(), hit.offending(), text("rule." + hit.ruleId()),
							hit.rule().sources()))
					.toList(),
				exercise.stopIf());
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
		if (ids.size() > PersonInput.MAX_ENTRIES) {
			throw new InvalidInputException(field, "has " + ids.size() + " entries; at most " + PersonInput.MAX_ENTRIES
					+ " are accepted");
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
		var feedback = java.util.Arrays.stream(PlanAdjustment.Feedback.values())
			.filter(value -> value.name().equals(adjustment.feedback()))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("adjustment.feedback", "'" + adjustment.feedback()
					+ "' is not one of: " + String.join(", ", PersonInput.ids(PlanAdjustment.Feedback.class))));
		return new PlanAdjustment(feedback, adjustment.painChange() == null ? 0 : adjustment.painChange());
	}

	private String text(String key) {
		return messages.getMessage(key, null, Locale.ENGLISH);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex, HttpServletRequest request) {
		return ApiProblems.invalid(List.of(new InvalidParameter(ex.field(), "", ex.getMessage(), List.of())), request);
	}

}
