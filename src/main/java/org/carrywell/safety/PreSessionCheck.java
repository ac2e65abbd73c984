package org.carrywell.safety;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the answers before a session mean (rule book v2, "The check before every session"). Every question must
 * be answered; any yes, or pain of {@link #PAIN_BEFORE_OFFERS_CHECK} or more, sends her to the warning-sign check
 * with those signs offered. Nothing she did not report is treated as reported: the offered signs are only a
 * list to tick from.
 */
public final class PreSessionCheck {

	/** Pain before a session from which the warning-sign check is offered, and the session is made easiest. */
	public static final int PAIN_BEFORE_OFFERS_CHECK = 8;

	/** A rise in pain during a session from which the warning-sign check is offered. */
	public static final int PAIN_RISE_OFFERS_CHECK = 3;

	/** The sign strong pain before a session offers. */
	public static final Symptom STRONG_PAIN_SIGN = Symptom.SEVERE_OR_WORSENING_PAIN;

	private PreSessionCheck() {
	}

	/**
	 * @param outcome what happens next
	 * @param unanswered questions she has not answered (the session cannot start until she has)
	 * @param offered the signs to offer on the warning-sign check, in the table's order
	 * @param strongPain pain before is {@link #PAIN_BEFORE_OFFERS_CHECK} or more: if she goes on, the easiest
	 * version of the session
	 */
	public record Result(Outcome outcome, List<PreSessionQuestion> unanswered, List<Symptom> offered,
			boolean strongPain) {

		public Result {
			unanswered = List.copyOf(unanswered);
			offered = List.copyOf(offered);
		}

	}

	public enum Outcome {

		/** Every question answered no, and pain below 8: the session may start. */
		START,
		/** A yes, or strong pain: the warning-sign check first, with the offered signs. */
		CHECK_WARNING_SIGNS,
		/** Not every question was answered. */
		UNANSWERED

	}

	public static Result assess(Map<PreSessionQuestion, Boolean> answers, int painBefore) {
		var unanswered = new ArrayList<PreSessionQuestion>();
		Set<Symptom> offered = new LinkedHashSet<>();
		for (PreSessionQuestion question : PreSessionQuestion.values()) {
			Boolean answer = answers.get(question);
			if (answer == null) {
				unanswered.add(question);
			}
			else if (answer) {
				offered.addAll(question.symptoms());
			}
		}
		boolean strongPain = painBefore >= PAIN_BEFORE_OFFERS_CHECK;
		if (strongPain) {
			offered.add(STRONG_PAIN_SIGN);
		}
		var ordered = List.copyOf(offered).stream().sorted().toList();
		Outcome outcome = !unanswered.isEmpty() ? Outcome.UNANSWERED
				: ordered.isEmpty() ? Outcome.START : Outcome.CHECK_WARNING_SIGNS;
		return new Result(outcome, unanswered, ordered, strongPain);
	}

	/**
	 * Whether the pain after a session offers the warning-sign check: it rose by 3 or more, or (the cautious side,
	 * as in the diary) it is 8 or more.
	 */
	public static boolean painRoseEnough(int painBefore, int painAfter) {
		return painAfter - painBefore >= PAIN_RISE_OFFERS_CHECK || painAfter >= PAIN_BEFORE_OFFERS_CHECK;
	}

}
