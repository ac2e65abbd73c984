package org.carrywell.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.PainArea;
import org.carrywell.catalogue.internal.CatalogueFiles;
import org.carrywell.planning.History.SessionOutcome;
import org.carrywell.planning.PlanAdjustment.Feedback;
import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.PriorActivity;
import org.carrywell.safety.ScreeningOutcome;

/**
 * The weekly re-plan of a member with a year of history (every session of her plan done, a diary entry every day):
 * the learning rules over her history, then the week's plan made with their decisions — for the typical request
 * of {@link PlanGeneratorBenchmark} (15 minutes, 4 sessions), and for a long one (30 minutes, 5 sessions, the
 * session solver's hardest part: every session at the 8-exercise limit). Run with
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench=WeeklyReplanBenchmark}; figures go into
 * docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WeeklyReplanBenchmark {

	@Param({ "typical", "long" })
	public String request;

	private Catalogue catalogue;

	private PlanRequest planRequest;

	private LearnedWeek previous;

	private History history;

	private LocalDate monday;

	private java.time.Clock clock;

	@Setup
	public void setUp() {
		catalogue = CatalogueFiles.realCatalogue();
		planRequest = "typical".equals(request)
				? new PlanRequest(GestationalAge.ofWeeks(24), ScreeningOutcome.CLEARED,
						Map.of(PainArea.LOWER_BACK, 6, PainArea.HIPS, 3), Set.of(), 15, 4,
						Set.of(Equipment.MAT, Equipment.CHAIR, Equipment.WALL), true, Set.of(), Set.of(), null,
						PriorActivity.ACTIVE)
				: new PlanRequest(GestationalAge.ofWeeks(30), ScreeningOutcome.CLEARED,
						Map.of(PainArea.LOWER_BACK, 5, PainArea.HIPS, 3), Set.of(), 30, 5,
						Set.of(Equipment.MAT, Equipment.CHAIR, Equipment.WALL, Equipment.BALL), true, Set.of(), Set.of(),
						null, PriorActivity.SOME);
		// A year lived: the sessions of each week's plan, felt easy on alternate weeks, and a daily diary.
		var weeks = LearningWeeks.live(catalogue, planRequest, 52, new LearningWeeks.Persona() {

			@Override
			public SessionOutcome session(int week, int index, LocalDate day, List<org.carrywell.catalogue.ExerciseId> items) {
				return LearningWeeks.session(day, 4, 3 + week % 3, week % 2 == 0 ? Feedback.TOO_EASY : Feedback.ABOUT_RIGHT,
						items, List.of(), index == 0 && week % 5 == 0 ? items.subList(0, 1) : List.of());
			}

			@Override
			public List<History.PainReading> diary(int week, LocalDate start) {
				var readings = new ArrayList<History.PainReading>();
				for (int day = 0; day < 7; day++) {
					readings.add(new History.PainReading(start.plusDays(day), 3 + (week + day) % 4));
				}
				return readings;
			}

		});
		previous = weeks.get(weeks.size() - 1).learned();
		monday = LearningWeeks.FIRST_MONDAY.plusWeeks(52);
		clock = LearningWeeks.clock(monday, 6);
		var sessions = new ArrayList<SessionOutcome>();
		var diary = new ArrayList<History.PainReading>();
		for (int week = 0; week < 52; week++) {
			LocalDate start = LearningWeeks.FIRST_MONDAY.plusWeeks(week);
			for (var session : weeks.get(week).plan().sessions()) {
				var items = session.items().stream().map(item -> item.exercise().id()).toList();
				sessions.add(LearningWeeks.session(start.plusDays(session.day() - 1), 4, 3 + week % 3,
						week % 2 == 0 ? Feedback.TOO_EASY : Feedback.ABOUT_RIGHT, items, List.of(), List.of()));
			}
			for (int day = 0; day < 7; day++) {
				diary.add(new History.PainReading(start.plusDays(day), 3 + (week + day) % 4));
			}
		}
		history = new History(sessions, diary);
	}

	/** The learning rules alone, to see what they add to the week's plan. */
	@Benchmark
	public LearnedWeek learningRulesOnly() {
		return Learning.nextWeek(catalogue, planRequest, previous, history, monday, clock);
	}

	@Benchmark
	public WeeklyPlan weeklyReplan() {
		LearnedWeek next = Learning.nextWeek(catalogue, planRequest, previous, history, monday, clock);
		return PlanGenerator.generate(catalogue, planRequest.learning(next));
	}

}
