package org.carrywell.plans.web;

import java.util.Locale;

import org.springframework.context.MessageSource;

import org.carrywell.planning.WeeklyPlan;

/** The reasons of a plan in words, for pages and the API alike. */
final class PlanTexts {

	private PlanTexts() {
	}

	static String reason(WeeklyPlan.Reason reason, MessageSource messages, Locale locale) {
		String detail = switch (reason.kind()) {
			case TARGETS -> messages.getMessage("area." + reason.detail(), null, locale);
			case ADDRESSES -> messages.getMessage("cause." + reason.detail(), null, locale);
			case SUITS_TRIMESTER -> messages.getMessage("trimester." + reason.detail(), null, locale);
			default -> reason.detail();
		};
		return messages.getMessage("plan.reason." + reason.kind(), new Object[] { detail }, locale);
	}

}
