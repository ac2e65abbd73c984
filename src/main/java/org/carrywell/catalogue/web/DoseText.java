package org.carrywell.catalogue.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import org.carrywell.catalogue.Dose;

/** A dose in words ("2 sets of 10 repetitions, holding each for 4 seconds"), for templates as {@code @doseText}. */
@Component("doseText")
public class DoseText {

	private final MessageSource messages;

	DoseText(MessageSource messages) {
		this.messages = messages;
	}

	public String describe(Dose dose) {
		var text = new StringBuilder(switch (dose.kind()) {
			case REPS -> message("dose.reps", dose.sets(), dose.reps());
			case HOLD -> message("dose.hold", dose.sets(), dose.holdSeconds());
			case BREATHS -> message("dose.breaths", dose.sets(), dose.breaths());
			case MINUTES -> message("dose.minutes", dose.sets(), dose.minutes());
		});
		if (dose.kind() == Dose.Kind.REPS && dose.holdSeconds() != null) {
			text.append(message("dose.reps.hold", dose.holdSeconds()));
		}
		if (dose.perSide()) {
			text.append(message("dose.perSide"));
		}
		if (dose.sets() > 1 && dose.restSeconds() > 0) {
			text.append(message("dose.rest", dose.restSeconds()));
		}
		return text.toString();
	}

	private String message(String key, Object... arguments) {
		return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
