package org.carrywell.planning;

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
import org.carrywell.safety.Condition;
import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.PriorActivity;
import org.carrywell.safety.ScreeningOutcome;

/**
 * How long one week's plan takes on the full catalogue, for realistic requests. Run with
 * {@code ./mvnw -Pbench test-compile exec:exec}; figures go into docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlanGeneratorBenchmark {

	@Param({ "typical", "many-areas", "long-daily", "gentle-everywhere" })
	public String request;

	private Catalogue catalogue;

	private PlanRequest planRequest;

	@Setup
	public void setUp() {
		catalogue = CatalogueFiles.realCatalogue();
		planRequest = switch (request) {
			// 24 weeks, lower back and hips, 15 minutes 4 times a week, a mat, a chair and a wall.
			case "typical" -> new PlanRequest(GestationalAge.ofWeeks(24), ScreeningOutcome.CLEARED,
					Map.of(PainArea.LOWER_BACK, 6, PainArea.HIPS, 3), Set.of(), 15, 4,
					Set.of(Equipment.MAT, Equipment.CHAIR, Equipment.WALL), true, Set.of(), Set.of(), null, PriorActivity.ACTIVE);
			// Third trimester, pelvic girdle pain and four painful areas, off the floor.
			case "many-areas" -> new PlanRequest(GestationalAge.ofWeeks(33), ScreeningOutcome.CLEARANCE_NEEDED,
					Map.of(PainArea.LOWER_BACK, 7, PainArea.PELVIS_FRONT, 6, PainArea.HIPS, 4, PainArea.UPPER_BACK, 3),
					Set.of(Condition.PELVIC_GIRDLE_PAIN), 20, 5, Set.of(Equipment.CHAIR, Equipment.PILLOW), false,
					Set.of(), Set.of(), null, PriorActivity.ACTIVE);
			// The largest instance: 45 minutes every day, all equipment.
			case "long-daily" -> new PlanRequest(GestationalAge.ofWeeks(18), ScreeningOutcome.CLEARED,
					Map.of(PainArea.LOWER_BACK, 5, PainArea.MID_BACK, 4), Set.of(), 45, 7, Set.of(Equipment.values()), true,
					Set.of(), Set.of(), null, PriorActivity.ACTIVE);
			// The solver's worst case: a gentle plan (strength counted), every area painful and so required in both
			// of two long sessions (three of them: the cap on required areas).
			case "gentle-everywhere" -> new PlanRequest(GestationalAge.ofWeeks(20), ScreeningOutcome.CLEARED,
					java.util.Arrays.stream(PainArea.values())
						.collect(java.util.stream.Collectors.toMap(area -> area, area -> 9)),
					Set.of(), 45, 2, Set.of(Equipment.values()), true, Set.of(), Set.of(), null, PriorActivity.ACTIVE);
			default -> throw new IllegalArgumentException(request);
		};
	}

	@Benchmark
	public WeeklyPlan weeklyPlan() {
		return PlanGenerator.generate(catalogue, planRequest);
	}

}
