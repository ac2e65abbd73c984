package org.carrywell.safety;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.Feature;
import org.carrywell.catalogue.PainArea;
import org.carrywell.catalogue.Position;

/**
 * The exercise rules of the rule book ({@code safety-decisions.md}, "Exercise features"), one constant a row,
 * in the book's order. {@link #assess} is the only gate through which an exercise reaches a plan or a
 * session.
 */
public final class ExerciseRules {

	/** Pelvic pain, at the front or (v2) at the back, at or above this intensity counts as pelvic girdle pain. */
	public static final int PELVIC_PAIN_PGP_INTENSITY = 4;

	public static final ExerciseRule NO_SUPINE_FROM_WEEK_16 = positionFromWeek("NO_SUPINE_FROM_WEEK_16", Position.SUPINE,
			16, Basis.GUIDANCE, "ACOG804", "NHS-EXERCISE");

	public static final ExerciseRule NO_PRONE_FROM_WEEK_13 = positionFromWeek("NO_PRONE_FROM_WEEK_13", Position.PRONE, 13,
			Basis.PRODUCT_DECISION, "IDEA-YOGA");

	public static final ExerciseRule NO_CLOSED_TWISTS = featuresAlways("NO_CLOSED_TWISTS", Basis.PRODUCT_DECISION,
			Set.of(Feature.CLOSED_TWIST), "PRENATAL-YOGA-TWISTS");

	public static final ExerciseRule NO_CRUNCHES = featuresAlways("NO_CRUNCHES", Basis.GUIDANCE, Set.of(Feature.CRUNCH),
			"NHS-ANTENATAL-CORE");

	public static final ExerciseRule NO_INVERSION_IMPACT_BREATH_HOLD_OR_HEAVY_LOAD = featuresAlways(
			"NO_INVERSION_IMPACT_BREATH_HOLD_OR_HEAVY_LOAD", Basis.GUIDANCE,
			Set.of(Feature.INVERSION, Feature.HIGH_IMPACT, Feature.BREATH_HOLD, Feature.HEAVY_LOAD), "ACOG804");

	public static final ExerciseRule SUPPORTED_BALANCE_FROM_WEEK_14 = new ExerciseRule("SUPPORTED_BALANCE_FROM_WEEK_14",
			Basis.GUIDANCE, List.of("ACOG804"), (exercise, context) -> context.age().isAtLeast(14)
					? features(exercise, Set.of(Feature.UNSUPPORTED_BALANCE)) : List.of());

	public static final ExerciseRule PELVIC_GIRDLE_PAIN = new ExerciseRule("PELVIC_GIRDLE_PAIN", Basis.GUIDANCE,
			List.of("NHS-PGP", "VLEEMING2008", "WHO-ANC2016"), (exercise, context) -> hasPelvicGirdlePain(context)
					? features(exercise, Set.of(Feature.SINGLE_LEG_LOAD, Feature.WIDE_LEG, Feature.ASYMMETRIC_STANCE,
							Feature.DEEP_SQUAT))
					: List.of());

	public static final ExerciseRule DIASTASIS_RECTI = new ExerciseRule("DIASTASIS_RECTI", Basis.GUIDANCE,
			List.of("NHS-ANTENATAL-CORE"), (exercise, context) -> context.has(Condition.DIASTASIS_RECTI)
					? features(exercise, Set.of(Feature.STRONG_ABDOMINAL_LOAD)) : List.of());

	public static final ExerciseRule NO_BACKBEND_FROM_WEEK_14 = new ExerciseRule("NO_BACKBEND_FROM_WEEK_14",
			Basis.GUIDANCE, List.of("NHS-EXERCISE"), (exercise, context) -> context.age().isAtLeast(14)
					? features(exercise, Set.of(Feature.END_RANGE_BACKBEND)) : List.of());

	public static final ExerciseRule TRIMESTER = new ExerciseRule("TRIMESTER", Basis.EXERCISE_FILE, List.of(),
			(exercise, context) -> exercise.suitsTrimester(context.age().trimester()) ? List.of()
					: List.of(String.valueOf(context.age().trimester().number())));

	public static final ExerciseRule FLOOR = new ExerciseRule("FLOOR", Basis.HER_CHOICE, List.of(),
			(exercise, context) -> !context.floorOk() && exercise.position().onTheFloor()
					? List.of(exercise.position().name()) : List.of());

	public static final ExerciseRule EQUIPMENT = new ExerciseRule("EQUIPMENT", Basis.HER_CHOICE, List.of(),
			(exercise, context) -> exercise.equipment()
				.stream()
				.filter(item -> !context.equipment().contains(item))
				.map(Equipment::name)
				.toList());

	/** No weight on the hands with carpal tunnel syndrome: a cautious product decision. */
	public static final ExerciseRule CARPAL_TUNNEL = new ExerciseRule("CARPAL_TUNNEL", Basis.PRODUCT_DECISION,
			List.of(), (exercise, context) -> context.has(Condition.CARPAL_TUNNEL)
					&& Set.of(Position.ALL_FOURS, Position.KNEELING).contains(exercise.position())
							? List.of(exercise.position().name()) : List.of());

	/** Before week 16 lying on the back is allowed, but only for short holds, rolling to the side if dizzy. */
	public static final ExerciseRule SUPINE_SHORT_HOLDS_ONLY = new ExerciseRule("SUPINE_SHORT_HOLDS_ONLY",
			Basis.GUIDANCE, List.of("ACOG804", "MOTTOLA2018"), (exercise, context) -> exercise.position() == Position.SUPINE
					&& !context.age().isAtLeast(16) ? List.of(Position.SUPINE.name()) : List.of());

	/** Every rule that can forbid an exercise, in the rule book's order. */
	public static final List<ExerciseRule> FORBIDDING = List.of(NO_SUPINE_FROM_WEEK_16, NO_PRONE_FROM_WEEK_13,
			NO_CLOSED_TWISTS, NO_CRUNCHES, NO_INVERSION_IMPACT_BREATH_HOLD_OR_HEAVY_LOAD, SUPPORTED_BALANCE_FROM_WEEK_14,
			PELVIC_GIRDLE_PAIN, DIASTASIS_RECTI, NO_BACKBEND_FROM_WEEK_14, TRIMESTER, FLOOR, EQUIPMENT, CARPAL_TUNNEL);

	/** Rules that allow an exercise with a condition she must be told. */
	public static final List<ExerciseRule> CAUTIONING = List.of(SUPINE_SHORT_HOLDS_ONLY);

	private static final Feature[] FEATURES = Feature.values();

	private ExerciseRules() {
	}

	/**
	 * Pelvic girdle pain is declared, or the front or the back of the pelvis hurts at 4 or more (rule book v2:
	 * posterior pelvic pain is the commoner form of pelvic girdle pain, Vleeming 2008).
	 */
	public static boolean hasPelvicGirdlePain(ExerciseContext context) {
		return context.has(Condition.PELVIC_GIRDLE_PAIN)
				|| context.painIn(PainArea.PELVIS_FRONT) >= PELVIC_PAIN_PGP_INTENSITY
				|| context.painIn(PainArea.PELVIS_BACK) >= PELVIC_PAIN_PGP_INTENSITY;
	}

	/** One exercise, without alternatives. */
	public static ExerciseVerdict judge(Exercise exercise, ExerciseContext context) {
		return new ExerciseVerdict(exercise, hits(FORBIDDING, exercise, context), hits(CAUTIONING, exercise, context),
				List.of());
	}

	/** Every exercise of the catalogue; forbidden ones name the allowed exercises of their family. */
	public static SafetyAssessment assess(Catalogue catalogue, ExerciseContext context) {
		var judged = new ArrayList<ExerciseVerdict>();
		var allowedByFamily = new HashMap<String, List<Exercise>>();
		for (Exercise exercise : catalogue.exercises()) {
			ExerciseVerdict verdict = judge(exercise, context);
			judged.add(verdict);
			if (verdict.allowed()) {
				allowedByFamily.computeIfAbsent(exercise.family(), family -> new ArrayList<>()).add(exercise);
			}
		}
		var verdicts = new ArrayList<ExerciseVerdict>(judged.size());
		for (ExerciseVerdict verdict : judged) {
			verdicts.add(verdict.allowed() ? verdict : new ExerciseVerdict(verdict.exercise(), verdict.exclusions(),
					verdict.cautions(), allowedByFamily.getOrDefault(verdict.exercise().family(), List.of())));
		}
		return new SafetyAssessment(context, verdicts);
	}

	private static List<RuleHit> hits(List<ExerciseRule> rules, Exercise exercise, ExerciseContext context) {
		List<RuleHit> hits = null;
		for (ExerciseRule rule : rules) {
			RuleHit hit = rule.apply(exercise, context);
			if (hit != null) {
				if (hits == null) {
					hits = new ArrayList<>(2);
				}
				hits.add(hit);
			}
		}
		return hits == null ? List.of() : hits;
	}

	private static ExerciseRule positionFromWeek(String id, Position position, int week, Basis basis,
			String... sources) {
		return new ExerciseRule(id, basis, List.of(sources),
				(exercise, context) -> exercise.position() == position && context.age().isAtLeast(week)
						? List.of(position.name()) : List.of());
	}

	private static ExerciseRule featuresAlways(String id, Basis basis, Set<Feature> forbidden, String... sources) {
		return new ExerciseRule(id, basis, List.of(sources), (exercise, context) -> features(exercise, forbidden));
	}

	/** The forbidden features the exercise has, in the vocabulary's order. */
	private static List<String> features(Exercise exercise, Set<Feature> forbidden) {
		if (exercise.features().isEmpty()) {
			return List.of();
		}
		List<String> found = null;
		for (Feature feature : FEATURES) {
			if (forbidden.contains(feature) && exercise.has(feature)) {
				if (found == null) {
					found = new ArrayList<>(2);
				}
				found.add(feature.name());
			}
		}
		return found == null ? List.of() : found;
	}

}
