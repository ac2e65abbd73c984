package org.carrywell.sessions.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import org.carrywell.accounts.Clearance;
import org.carrywell.accounts.CurrentMember;
import org.carrywell.accounts.SignedInMember;
import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Dose;
import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.ExerciseId;
import org.carrywell.planning.PlanGenerator;
import org.carrywell.planning.WeeklyPlan;
import org.carrywell.plans.PlanForm;
import org.carrywell.plans.ProviderAdvice;
import org.carrywell.plans.WeekPlans;
import org.carrywell.safety.ExerciseRules;
import org.carrywell.safety.ExerciseVerdict;
import org.carrywell.safety.Person;
import org.carrywell.safety.RuleHit;
import org.carrywell.safety.SafetyAssessment;
import org.carrywell.safety.ScreeningOutcome;
import org.carrywell.system.NotFoundException;

/**
 * The one way into a session (rule book v2: every way into a session passes the engine). From an address it
 * finds the session she asked for, judged by the safety engine for her context on the day it is done: a day of
 * her plan (made again for today's week), or one exercise of the library (after her week, the floor and what she
 * has). A forbidden exercise is never played: she is told the rule and offered the safer variants instead. The
 * easier variants the player may switch to, and the easiest version after strong pain, are judged the same way.
 */
@Component
class Sessions {

	private final Catalogue catalogue;

	private final CurrentMember currentMember;

	private final java.time.Clock clock;

	private final WeekPlans weekPlans;

	Sessions(Catalogue catalogue, CurrentMember currentMember, java.time.Clock clock, WeekPlans weekPlans) {
		this.weekPlans = weekPlans;
		this.catalogue = catalogue;
		this.currentMember = currentMember;
		this.clock = clock;
	}

	/**
	 * Her provider's clearance, when she is a member who recorded one for exactly the answers this session was
	 * planned from (rule book v2: the reminder before each session stops then).
	 */
	Optional<Clearance> providerClearance(SessionContent session) {
		Optional<SignedInMember> member = currentMember.get();
		if (member.isEmpty() || member.get().check().isEmpty()) {
			return Optional.empty();
		}
		MultiValueMap<String, String> address = org.springframework.web.util.UriComponentsBuilder
			.fromUriString("/?" + session.planQuery())
			.build()
			.getQueryParams();
		var decoded = new LinkedMultiValueMap<String, String>();
		address.forEach((name, values) -> values.forEach(value -> decoded.add(
				java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8),
				value == null ? null : java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8))));
		var answers = PlanForm.read(decoded, LocalDate.now(clock)).screening().answers();
		return Optional.ofNullable(member.get().check().get().clearanceFor(answers));
	}

	/** What an address leads to. */
	enum Kind {

		/** Somewhere else: the plan, to fix it or make it first. */
		REDIRECT,
		/** A library session that needs her context first. */
		SETUP,
		/** Not for her: a forbidden exercise, or exercise not advised. */
		NOT_FOR_HER,
		/** A session that may go ahead. */
		SESSION

	}

	record Found(Kind kind, @Nullable String redirect, @Nullable Setup setup, @Nullable Refusal refusal,
			@Nullable SessionContent session) {

		static Found redirect(String to) {
			return new Found(Kind.REDIRECT, to, null, null, null);
		}

	}

	/**
	 * A library session's questions: her week or due date, the floor, what she has, her conditions.
	 *
	 * @param errors message keys by form field
	 */
	record Setup(Exercise exercise, PlanForm form, Map<String, String> errors) {

		public boolean hasErrors() {
			return !errors.isEmpty();
		}

		public boolean hasError(String field) {
			return errors.containsKey(field);
		}

		public @Nullable String error(String field) {
			return errors.get(field);
		}

	}

	/**
	 * Why this session is not for her.
	 *
	 * @param notAdvised her screening says exercise is not advised now
	 * @param hits the rules that forbid the exercise, for her, today
	 * @param saferVariants the exercises of its family she may do instead
	 * @param contextQuery her context, to start one of the safer variants without asking again
	 * @param leftOutBy her provider's request to leave it out (a member's), when that is the reason
	 */
	record Refusal(Exercise exercise, boolean notAdvised, List<RuleHit> hits, List<Exercise> saferVariants,
			String contextQuery, ProviderAdvice.@Nullable Adjustment leftOutBy) {
	}

	Found find(MultiValueMap<String, String> parameters, LocalDate today) {
		String exerciseId = parameters.getFirst("exercise");
		if (exerciseId != null) {
			return library(exerciseId, parameters, today);
		}
		String day = parameters.getFirst("day");
		if (day != null) {
			return planDay(day, parameters, today);
		}
		return Found.redirect("/plan");
	}

	private Found library(String id, MultiValueMap<String, String> parameters, LocalDate today) {
		Exercise exercise = catalogue.find(id).orElseThrow(() -> new NotFoundException("exercise", id));
		PlanForm form = PlanForm.read(parameters, today);
		boolean weekGiven = !form.screening().weeks().isEmpty() || !form.screening().dueDate().isEmpty();
		if (!weekGiven && form.floor().isEmpty()) {
			return new Found(Kind.SETUP, null, new Setup(exercise, form.withoutErrors(), Map.of()), null, null);
		}
		var errors = new LinkedHashMap<String, String>(form.screening().errors());
		errors.putAll(form.errors());
		errors.remove("minutes");
		errors.remove("sessions");
		if (form.floor().isEmpty()) {
			errors.put("floor", "session.setup.error.floor");
		}
		Person person = form.person();
		if (!errors.isEmpty() || person == null) {
			return new Found(Kind.SETUP, null, new Setup(exercise, form, errors), null, null);
		}
		String contextQuery = PlanForm.query(context(parameters));
		ScreeningOutcome screening = person.screeningOn(today).outcome();
		if (screening == ScreeningOutcome.NOT_ADVISED) {
			return new Found(Kind.NOT_FOR_HER, null, null,
					new Refusal(exercise, true, List.of(), List.of(), contextQuery, null), null);
		}
		SafetyAssessment assessment = ExerciseRules.assess(catalogue, person.exerciseContextOn(today));
		ExerciseVerdict verdict = assessment.verdict(exercise.id()).orElseThrow();
		if (!verdict.allowed()) {
			return new Found(Kind.NOT_FOR_HER, null, null,
					new Refusal(exercise, false, verdict.exclusions(), verdict.saferVariants(), contextQuery, null), null);
		}
		// A member's providers may have left it out of her plan: the library asks them too, and no easier variant
		// they left out is offered.
		ProviderAdvice.Advice advice = weekPlans.advice();
		Optional<ProviderAdvice.Adjustment> leftOutBy = advice.exclusionOf(exercise.id());
		if (leftOutBy.isPresent()) {
			return new Found(Kind.NOT_FOR_HER, null, null,
					new Refusal(exercise, false, List.of(), List.of(), contextQuery, leftOutBy.get()), null);
		}
		// Nor an easier variant her plan sets aside this week (left out by a provider, or rested after pain).
		var setAside = new HashSet<>(advice.excluded());
		currentMember.get()
			.flatMap(member -> weekPlans.hers(member, today))
			.ifPresent(plan -> setAside.addAll(plan.setAside()));
		var entry = entry(exercise, exercise.dose(), assessment, setAside);
		return session(new SessionContent(List.of(entry), person.weekOn(today), person.earliestWeekOn(today), "", 0,
				screening));
	}

	private Found planDay(String day, MultiValueMap<String, String> parameters, LocalDate today) {
		var plan = new LinkedMultiValueMap<>(parameters);
		plan.remove("day");
		String planAddress = "/plan/week?" + PlanForm.query(plan);
		PlanForm form = PlanForm.read(parameters, today);
		Person person = form.person();
		if (!form.isValid() || person == null) {
			return Found.redirect(planAddress);
		}
		WeeklyPlan week = weekPlans.make(parameters, form, today);
		Optional<WeeklyPlan.Session> session = week.sessions()
			.stream()
			.filter(planned -> String.valueOf(planned.day()).equals(day.trim()))
			.findFirst();
		if (session.isEmpty()) {
			return Found.redirect(planAddress);
		}
		SafetyAssessment assessment = ExerciseRules.assess(catalogue, person.exerciseContextOn(today));
		var entries = new ArrayList<SessionContent.Entry>();
		for (WeeklyPlan.Item item : session.get().items()) {
			entries.add(entry(item.exercise(), item.dose(), assessment, new HashSet<>(week.setAside())));
		}
		ScreeningOutcome screening = week.status() == WeeklyPlan.Status.CLEARANCE_NEEDED
				? ScreeningOutcome.CLEARANCE_NEEDED : ScreeningOutcome.CLEARED;
		return session(new SessionContent(entries, week.age(), person.earliestWeekOn(today),
				PlanForm.query(sessionQuery(plan)), session.get().day(), screening));
	}

	/**
	 * The easiest version of a session, for a day when pain is strong: each exercise moved down its easier links
	 * as far as the engine allows her, each family once, grouped by position again so that the floor still comes
	 * once.
	 */
	SessionContent easiest(SessionContent session) {
		var entries = new ArrayList<SessionContent.Entry>();
		Set<String> families = new HashSet<>();
		for (SessionContent.Entry entry : session.entries()) {
			SessionContent.Entry easiest = entry;
			while (easiest.easier() != null) {
				easiest = easiest.easier();
			}
			if (families.add(easiest.exercise().family())) {
				entries.add(easiest);
			}
		}
		entries.sort(java.util.Comparator.comparing(
				(SessionContent.Entry entry) -> PlanGenerator.POSITION_ORDER.indexOf(entry.exercise().position())));
		return new SessionContent(entries, session.age(), session.earliestAge(), session.planQuery(), session.day(),
				session.screening());
	}

	/**
	 * One exercise as the engine allows it: refused outright if it is forbidden (a plan can never offer one; this
	 * is the last line of defence), with its cautions and the nearest easier variant she is allowed and that is not
	 * in {@code seen} (set aside for her, or already on the way down).
	 */
	private SessionContent.Entry entry(Exercise exercise, Dose dose, SafetyAssessment assessment,
			Set<ExerciseId> seen) {
		ExerciseVerdict verdict = assessment.verdict(exercise.id()).orElseThrow();
		if (!verdict.allowed()) {
			throw new IllegalStateException(exercise.id() + " is forbidden for her today and cannot be played");
		}
		seen.add(exercise.id());
		Exercise easier = nearestAllowedEasier(exercise, assessment, seen);
		return new SessionContent.Entry(exercise, dose, verdict.cautions(),
				easier == null ? null : entry(easier, easier.dose(), assessment, seen));
	}

	/**
	 * Down the easier links, past any variant the engine forbids her, to the first one it allows. An exercise done
	 * off the floor is never made easier by sending her down to it: that would be another trip to the floor.
	 */
	private @Nullable Exercise nearestAllowedEasier(Exercise exercise, SafetyAssessment assessment,
			Set<ExerciseId> seen) {
		Exercise current = exercise;
		while (true) {
			Optional<Exercise> easier = current.easierVariant().flatMap(catalogue::find);
			if (easier.isEmpty() || seen.contains(easier.get().id())) {
				return null;
			}
			current = easier.get();
			boolean downToTheFloor = !exercise.position().onTheFloor() && current.position().onTheFloor();
			if (!downToTheFloor && assessment.verdict(current.id()).map(ExerciseVerdict::allowed).orElse(false)) {
				return current;
			}
			seen.add(current.id());
		}
	}

	private static Found session(SessionContent session) {
		return new Found(Kind.SESSION, null, null, null, session);
	}

	/** Her context from an address: everything but the exercise and the session's own fields. */
	private static MultiValueMap<String, String> context(MultiValueMap<String, String> parameters) {
		var context = new LinkedMultiValueMap<>(parameters);
		context.keySet().removeIf(name -> name.startsWith(SessionController.QUESTION_PREFIX));
		List.of("exercise", "painBefore", SessionController.WARNING_CHECK_DONE, SessionController.SPOKE_TO_PROVIDER,
				"speed").forEach(context::remove);
		return context;
	}

	/** A plan's address as the player links back to it. */
	private static MultiValueMap<String, String> sessionQuery(MultiValueMap<String, String> plan) {
		var query = context(plan);
		query.remove("day");
		return query;
	}

}
