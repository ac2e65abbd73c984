package org.carrywell.safety;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The warning-sign and pre-session rules as data, for a device that must apply them with no network (docs/offline.md).
 * Nothing here is typed twice: every urgency is the engine's own answer ({@link WarningSigns#assess}) for one sign
 * at each week from 0 to 42 and at an unknown week, kept as the weeks at which it changes. What combines them
 * (the most urgent wins, the order of the findings, the labour advice, the pre-session outcome) is small, and a
 * browser test compares the device's answers with the engine's for every sign at every week, hundreds of random
 * combinations, and every way of answering the check before a session.
 *
 * @param signs every sign, in the table's order (the order findings of equal urgency are listed in)
 * @param urgencies the urgencies from least to most urgent
 * @param stopsExercise the urgencies that stop a session
 * @param labourSign the sign that, read at {@code labourUrgency} while that is the result's urgency, gives
 * {@code labourAdvice} (the advice is otherwise named as the urgency)
 * @param questions the check before a session, in its order
 * @param painOffersCheck pain before (or after) a session from which the warning-sign check is offered
 * @param painRiseOffersCheck a rise in pain during a session from which the check is offered
 * @param strongPainSign the sign strong pain before a session offers
 */
public record RuleTable(List<Sign> signs, List<Urgency> urgencies, List<Urgency> stopsExercise,
		Symptom labourSign, Urgency labourUrgency, WarningSignResult.Advice labourAdvice, List<Question> questions, int painOffersCheck,
		int painRiseOffersCheck, Symptom strongPainSign) {

	public RuleTable {
		signs = List.copyOf(signs);
		urgencies = List.copyOf(urgencies);
		stopsExercise = List.copyOf(stopsExercise);
		questions = List.copyOf(questions);
	}

	/**
	 * One sign's urgency by week.
	 *
	 * @param unknownWeek its urgency when her week is not known
	 * @param fromWeek the urgency from each week at which it changes, the first from week 0
	 */
	public record Sign(Symptom id, Urgency unknownWeek, List<Change> fromWeek) {

		public Sign {
			fromWeek = List.copyOf(fromWeek);
		}

	}

	public record Change(int week, Urgency urgency) {
	}

	/** A question before a session, and the signs a yes offers. */
	public record Question(PreSessionQuestion id, List<Symptom> signs) {

		public Question {
			signs = List.copyOf(signs);
		}

	}

	/** The table, asked of the engine. */
	public static RuleTable fromEngine() {
		var signs = new ArrayList<Sign>();
		for (Symptom symptom : Symptom.values()) {
			var changes = new ArrayList<Change>();
			for (int week = 0; week <= GestationalAge.MAX_WEEKS; week++) {
				Urgency urgency = urgencyOf(symptom, GestationalAge.ofWeeks(week));
				if (changes.isEmpty() || changes.get(changes.size() - 1).urgency() != urgency) {
					changes.add(new Change(week, urgency));
				}
			}
			signs.add(new Sign(symptom, urgencyOf(symptom, null), changes));
		}
		var questions = Arrays.stream(PreSessionQuestion.values())
			.map(question -> new Question(question, question.symptoms()))
			.toList();
		List<Urgency> urgencies = List.of(Urgency.values());
		return new RuleTable(signs, urgencies, urgencies.stream().filter(Urgency::stopsExercise).toList(),
				WarningSignResult.LABOUR_SIGN, WarningSignResult.LABOUR_URGENCY, WarningSignResult.Advice.POSSIBLE_LABOUR,
				questions,
				PreSessionCheck.PAIN_BEFORE_OFFERS_CHECK, PreSessionCheck.PAIN_RISE_OFFERS_CHECK,
				PreSessionCheck.STRONG_PAIN_SIGN);
	}

	private static Urgency urgencyOf(Symptom symptom, @Nullable GestationalAge age) {
		return WarningSigns.assess(Set.of(symptom), age).urgency();
	}

}
