package org.carrywell.safety;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Screening before exercise, as the rule book says: any "yes" that rules a plan out gives
 * {@link ScreeningOutcome#NOT_ADVISED}; any other "yes" gives {@link ScreeningOutcome#CLEARANCE_NEEDED};
 * all "no" gives {@link ScreeningOutcome#CLEARED}. A question left unanswered counts as "not answered": the
 * outcome is then at least CLEARANCE_NEEDED, and says which are missing.
 */
public final class Screening {

	private Screening() {
	}

	/**
	 * @param answers the answers given; questions not in the map are missing. Unknown ids cannot reach this
	 * method: {@link #questionOf(String)} rejects them at the edge.
	 */
	public static ScreeningResult assess(Map<ScreeningQuestion, Boolean> answers, GestationalAge age) {
		return assess(answers, age, Set.of());
	}

	/**
	 * The same, with the conditions she declared elsewhere (plan form, profile, API). Rule book v2: a declared
	 * {@link Condition#TWINS} counts as a yes to {@link ScreeningQuestion#MULTIPLE_PREGNANCY}, whatever she
	 * answered to it, so the two can never disagree.
	 */
	public static ScreeningResult assess(Map<ScreeningQuestion, Boolean> answers, GestationalAge age,
			Set<Condition> conditions) {
		var reasons = new ArrayList<ScreeningResult.Reason>();
		var missing = new ArrayList<ScreeningQuestion>();
		ScreeningOutcome outcome = ScreeningOutcome.CLEARED;
		boolean twins = conditions.contains(Condition.TWINS);
		for (ScreeningQuestion question : ScreeningQuestion.values()) {
			boolean fromTwins = twins && question == ScreeningQuestion.MULTIPLE_PREGNANCY;
			Boolean answer = fromTwins ? Boolean.TRUE : answers.get(question);
			if (answer == null) {
				missing.add(question);
			}
			else if (answer) {
				ScreeningOutcome because = question.outcomeOfYes(age);
				reasons.add(new ScreeningResult.Reason(question, because, ScreeningQuestion.SOURCES,
						fromTwins && !Boolean.TRUE.equals(answers.get(question))));
				outcome = outcome.mostCautious(because);
			}
		}
		if (!missing.isEmpty()) {
			outcome = outcome.mostCautious(ScreeningOutcome.CLEARANCE_NEEDED);
		}
		var copy = new EnumMap<ScreeningQuestion, Boolean>(ScreeningQuestion.class);
		copy.putAll(answers);
		if (twins) {
			copy.put(ScreeningQuestion.MULTIPLE_PREGNANCY, true);
		}
		return new ScreeningResult(outcome, reasons, missing, Collections.unmodifiableMap(copy), age);
	}

	/** @throws InvalidInputException naming the field for an id that is not a screening question */
	public static ScreeningQuestion questionOf(String id) {
		try {
			return ScreeningQuestion.valueOf(id);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("answers." + id, "is not a screening question");
		}
	}

	public static List<ScreeningQuestion> questions() {
		return List.of(ScreeningQuestion.values());
	}

}
