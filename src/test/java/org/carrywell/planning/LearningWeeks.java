package org.carrywell.planning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.ExerciseId;
import org.carrywell.planning.PlanAdjustment.Feedback;

/**
 * Lives weeks of a plan for the learning tests: each week's decisions are made on its Monday morning from
 * everything before, its plan is made with them, and a persona says how each of its sessions went.
 */
final class LearningWeeks {

	/** How one session of a week went, given what it held. */
	interface Persona {

		History.SessionOutcome session(int week, int index, LocalDate day, List<ExerciseId> items);

		/** Her diary readings for a week (none by default). */
		default List<History.PainReading> diary(int week, LocalDate monday) {
			return List.of();
		}

	}

	/** One lived week: its decisions and the plan made with them. */
	record Week(LearnedWeek learned, WeeklyPlan plan) {
	}

	static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 11, 2);

	private LearningWeeks() {
	}

	/** A session of her plan on that day, ended at a quarter past eight and received at once, with no warning sign. */
	static History.SessionOutcome session(LocalDate day, @Nullable Integer before, @Nullable Integer after,
			@Nullable Feedback felt, List<ExerciseId> done, List<ExerciseId> easier, List<ExerciseId> painful) {
		return new History.SessionOutcome(day, at(day, 8, 15), at(day, 8, 16), before, after, felt, done, easier, painful,
				true, false);
	}

	static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(LocalTime.of(hour, minute)).toInstant(ZoneOffset.UTC);
	}

	/** The clock at a moment of a day, in UTC (the tests' time zone). */
	static Clock clock(LocalDate day, int hour) {
		return Clock.fixed(at(day, hour, 0), ZoneOffset.UTC);
	}

	/**
	 * @param skipped weeks (0-based) in which she does no session and keeps no diary
	 */
	static List<Week> live(Catalogue catalogue, PlanRequest request, int weeks, Persona persona, int... skipped) {
		var lived = new ArrayList<Week>();
		var sessions = new ArrayList<History.SessionOutcome>();
		var diary = new ArrayList<History.PainReading>();
		LearnedWeek previous = null;
		for (int week = 0; week < weeks; week++) {
			LocalDate monday = FIRST_MONDAY.plusWeeks(week);
			LearnedWeek learned = Learning.nextWeek(catalogue, request, previous, new History(sessions, diary), monday,
					clock(monday, 6));
			WeeklyPlan plan = PlanGenerator.generate(catalogue, request.learning(learned));
			lived.add(new Week(learned, plan));
			previous = learned;
			int current = week;
			if (java.util.Arrays.stream(skipped).anyMatch(skip -> skip == current)) {
				continue;
			}
			diary.addAll(persona.diary(week, monday));
			for (int index = 0; index < plan.sessions().size(); index++) {
				WeeklyPlan.Session session = plan.sessions().get(index);
				var items = session.items().stream().map(item -> item.exercise().id()).toList();
				sessions.add(persona.session(week, index, monday.plusDays(session.day() - 1), items));
			}
		}
		return lived;
	}

}
