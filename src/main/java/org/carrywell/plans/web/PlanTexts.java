package org.carrywell.plans.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import org.jspecify.annotations.Nullable;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.ExerciseId;
import org.carrywell.planning.LearnedWeek;
import org.carrywell.planning.WeeklyPlan;
import org.carrywell.plans.ProviderAdvice;
import org.carrywell.safety.GestationalAge;

/** The reasons of a plan in words, for pages ({@code @planTexts} in templates) and the API alike. */
@Component("planTexts")
public class PlanTexts {

	private final MessageSource messages;

	private final Catalogue catalogue;

	private final java.time.Clock clock;

	PlanTexts(MessageSource messages, Catalogue catalogue, java.time.Clock clock) {
		this.messages = messages;
		this.catalogue = catalogue;
		this.clock = clock;
	}

	/** In the language of the current request. */
	public String reason(WeeklyPlan.Reason reason) {
		return reason(reason, LocaleContextHolder.getLocale());
	}

	/** In the language of the current request. */
	public String change(LearnedWeek.Change change, WeeklyPlan plan) {
		return change(change, plan, LocaleContextHolder.getLocale());
	}

	/**
	 * One change the learning rules made to her plan, in words: what changed, and why ("Cat-cow on hands and knees
	 * instead of Seated cat-cow: the harder version, because your last two sessions with it felt easy and your pain
	 * has not gone up.").
	 */
	public String change(LearnedWeek.Change change, WeeklyPlan plan, Locale locale) {
		return change(change, plan, locale, "plan.change.");
	}

	/** The same, about her, for the provider she shares her plan with. */
	public String changeAbout(LearnedWeek.Change change, WeeklyPlan plan) {
		return change(change, plan, LocaleContextHolder.getLocale(), "shared.change.");
	}

	private String change(LearnedWeek.Change change, WeeklyPlan plan, Locale locale, String keys) {
		Object[] names = { name(change.from()), name(change.to()), plan.minutesPerSession(), plan.sessionsPerWeek() };
		if (change.step() == LearnedWeek.Step.HELD) {
			return messages.getMessage(keys + "HELD." + change.rule(), names, locale);
		}
		String step = change.step() == LearnedWeek.Step.LEFT_OUT && change.to() != null ? "LEFT_OUT.instead"
				: change.step().name();
		String what = messages.getMessage(keys + step, names, locale);
		String because = messages.getMessage(keys + "because." + change.rule(), null, locale);
		return messages.getMessage(keys + "sentence", new Object[] { what, because }, locale);
	}

	private String name(@Nullable ExerciseId id) {
		return id == null ? "" : catalogue.find(id).map(Exercise::name).orElse(id.value());
	}

	/**
	 * What applies to her for one planned exercise, as plain text for a calendar event: the note for her
	 * trimester, the engine's cautions, and when to stop this exercise (rule book v2: cautions travel with the
	 * exercise). Empty when there is nothing.
	 */
	public String cautions(WeeklyPlan.Item item, GestationalAge age, Locale locale) {
		var lines = new java.util.ArrayList<String>();
		String note = item.exercise().trimesterNotes().get(age.trimester());
		if (note != null) {
			lines.add(note);
		}
		item.cautions().forEach(hit -> lines.add(messages.getMessage("rule." + hit.ruleId(), null, locale)));
		if (!item.exercise().stopIf().isEmpty()) {
			lines.add(messages.getMessage("exercise.stopIf.inline", new Object[] {
					String.join(" ", item.exercise().stopIf()) }, locale));
		}
		return lines.isEmpty() ? "" : "\n  " + String.join("\n  ", lines);
	}

	/** Why an item is there, about her, for the provider she shares her plan with. */
	public String reasonAbout(WeeklyPlan.Reason reason) {
		return reason(reason, LocaleContextHolder.getLocale(), "shared.reason.");
	}

	/**
	 * What applies to her for one planned exercise, in one line for the provider: the note for her trimester, the
	 * engine's cautions, and when to stop this exercise (rule book v2: cautions travel with the exercise).
	 */
	public String cautionsAbout(WeeklyPlan.Item item, GestationalAge age) {
		return cautions(item, age, LocaleContextHolder.getLocale()).strip().replaceAll("\\s*\\n\\s*", " · ");
	}

	String reason(WeeklyPlan.Reason reason, Locale locale) {
		return reason(reason, locale, "plan.reason.");
	}

	private String reason(WeeklyPlan.Reason reason, Locale locale, String keys) {
		String detail = switch (reason.kind()) {
			case TARGETS -> messages.getMessage("area." + reason.detail(), null, locale);
			case ADDRESSES -> messages.getMessage("cause." + reason.detail(), null, locale);
			case SUITS_TRIMESTER -> messages.getMessage("trimester." + reason.detail(), null, locale);
			case ADJUSTED -> catalogue.find(reason.detail()).map(exercise -> exercise.name()).orElse(reason.detail());
			case LEARNED -> messages.getMessage((keys.startsWith("shared.") ? "shared.change.because." : "plan.change.because.")
					+ reason.detail().split(":")[0], null, locale);
			default -> reason.detail();
		};
		return messages.getMessage(keys + reason.kind(), new Object[] { detail }, locale);
	}

	/**
	 * One thing a provider asked of her plan, in words, with who and when ("Midwife Anna left out Side-lying leg
	 * lifts on 1 December: …").
	 */
	public String advice(ProviderAdvice.Adjustment adjustment) {
		return advice(adjustment, "plan.advice.");
	}

	/** The same, about her, for the provider she shares her plan with. */
	public String adviceAbout(ProviderAdvice.Adjustment adjustment) {
		return advice(adjustment, "shared.advice.");
	}

	private String advice(ProviderAdvice.Adjustment adjustment, String keys) {
		var locale = LocaleContextHolder.getLocale();
		String exercise = adjustment.exercise() == null ? "" : name(adjustment.exercise());
		String day = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", locale)
			.format(adjustment.madeAt().atZone(clock.getZone()));
		return messages.getMessage(keys + adjustment.kind(), new Object[] { adjustment.by(), exercise,
				adjustment.minutes() == null ? "" : adjustment.minutes(), adjustment.message(), day }, locale);
	}

	/** A pin the safety rules do not allow her now: who asked for it, and that it is not played. */
	public String pinNotAllowed(String exerciseId, ProviderAdvice.Advice advice) {
		return messages.getMessage("plan.advice.pinNotAllowed", new Object[] { pinnedBy(exerciseId, advice),
				name(exerciseId) }, LocaleContextHolder.getLocale());
	}

	/**
	 * The same, about her, for the provider: which rule does not allow it her now, and the versions of the same
	 * movement she may do instead (which a provider can pin).
	 */
	public String pinNotAllowedAbout(String exerciseId, ProviderAdvice.Advice advice, WeeklyPlan plan) {
		var locale = LocaleContextHolder.getLocale();
		var left = plan.leftOut().stream().filter(out -> out.exercise().id().value().equals(exerciseId)).findFirst();
		String rules = left.map(out -> out.hits()
			.stream()
			.map(hit -> messages.getMessage("rule." + hit.ruleId(), null, locale))
			.collect(java.util.stream.Collectors.joining(" "))).orElse("");
		String instead = left.map(out -> out.alternatives()
			.stream()
			.map(Exercise::name)
			.collect(java.util.stream.Collectors.joining(", "))).orElse("");
		return messages.getMessage(instead.isEmpty() ? "shared.advice.pinNotAllowed" : "shared.advice.pinNotAllowed.instead",
				new Object[] { pinnedBy(exerciseId, advice), name(exerciseId), rules, instead }, locale);
	}

	/** A pin the learning rules rest this week (she marked it painful twice): who asked, and that it waits. */
	public String pinRested(String exerciseId, ProviderAdvice.Advice advice) {
		return messages.getMessage("plan.advice.pinRested", new Object[] { pinnedBy(exerciseId, advice),
				name(exerciseId) }, LocaleContextHolder.getLocale());
	}

	/** The same, about her, for the provider. */
	public String pinRestedAbout(String exerciseId, ProviderAdvice.Advice advice) {
		return messages.getMessage("shared.advice.pinRested", new Object[] { pinnedBy(exerciseId, advice),
				name(exerciseId) }, LocaleContextHolder.getLocale());
	}

	private static String pinnedBy(String exerciseId, ProviderAdvice.Advice advice) {
		return advice.adjustments()
			.stream()
			.filter(adjustment -> adjustment.kind() == ProviderAdvice.Kind.PIN && adjustment.exercise() != null
					&& adjustment.exercise().value().equals(exerciseId))
			.map(ProviderAdvice.Adjustment::by)
			.reduce((first, second) -> second)
			.orElse("");
	}

	/** An exercise her provider left out, with who did and their reason. */
	public String leftOutByProvider(Exercise exercise, ProviderAdvice.Advice advice) {
		var locale = LocaleContextHolder.getLocale();
		return advice.exclusionOf(exercise.id())
			.map(adjustment -> messages.getMessage("plan.advice.leftOut",
					new Object[] { exercise.name(), adjustment.by(), adjustment.message() }, locale))
			.orElseGet(() -> messages.getMessage("plan.advice.leftOut.unknown", new Object[] { exercise.name() }, locale));
	}

	private String name(String id) {
		return catalogue.find(id).map(Exercise::name).orElse(id);
	}

}
