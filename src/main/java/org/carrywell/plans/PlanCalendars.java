package org.carrywell.plans;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import org.carrywell.accounts.SignedInMember;
import org.carrywell.planning.WeeklyPlan;
import org.carrywell.plans.web.PlanTexts;
import org.carrywell.safety.Pregnancy;

/**
 * Her own plan as a calendar her phone subscribes to: made again each time the calendar asks, from today, so it
 * always shows the sessions of the week she is in, with her provider's advice and what she learned; it stops at
 * the next boundary week (rule book v2) with an event that asks her to make the plan again.
 */
@Component
public class PlanCalendars {

	private final WeekPlans weekPlans;

	private final PlanTexts texts;

	private final MessageSource messages;

	private final URI baseUrl;

	private final Clock clock;

	PlanCalendars(WeekPlans weekPlans, PlanTexts texts, MessageSource messages,
			@Value("${carrywell.base-url}") URI baseUrl, Clock clock) {
		this.weekPlans = weekPlans;
		this.texts = texts;
		this.messages = messages;
		this.baseUrl = baseUrl;
		this.clock = clock;
	}

	/** A calendar with no events (her plan cannot be made today: no due date, or one out of range). */
	public static String empty() {
		return new net.fortuna.ical4j.model.Calendar().withProdId("-//Carrywell//Weekly plan//EN")
			.withDefaults()
			.getFluentTarget()
			.toString();
	}

	/** Her sessions from today at {@code time}; empty when her profile cannot make a plan today. */
	public Optional<String> upcoming(SignedInMember member, LocalTime time, Locale locale) {
		LocalDate today = LocalDate.now(clock);
		Optional<WeeklyPlan> made = weekPlans.hers(member, today);
		if (made.isEmpty()) {
			return Optional.empty();
		}
		WeeklyPlan plan = made.get();
		var window = PlanCalendar.Window.from(Pregnancy.fromDueDate(member.profile().dueDate(), today), today);
		// Her plan's own page: it is made from her profile when she opens it, signed in.
		String planUrl = UriComponentsBuilder.fromUri(baseUrl).replacePath("/plan/mine").build().toUriString();
		boolean cleared = member.check().map(check -> check.clearance() != null).orElse(false);
		// Her subscription's events are hers: every member's plan page has the same address.
		String uid = "carrywell-" + java.util.UUID.nameUUIDFromBytes(("carrywell-calendar:" + member.id())
			.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		// A subscription is made again at every fetch: at the boundary it simply carries on.
		return Optional.of(PlanCalendar.write(uid, plan, today, window.until(), window.renewWeek(), time, planUrl,
				words(plan, cleared, "plan.calendar.renew.feed", locale)));
	}

	/**
	 * The events' words in her language, for a downloaded calendar as for her subscription.
	 *
	 * @param cleared her provider cleared her: no clearance reminder (rule book v2)
	 * @param renewKey what the event at the next boundary week says
	 */
	public PlanCalendar.Words words(WeeklyPlan plan, boolean cleared, String renewKey, Locale locale) {
		return new PlanCalendar.Words(
				minutes -> messages.getMessage("plan.calendar.title", new Object[] { minutes }, locale),
				messages.getMessage("plan.calendar.stop", null, locale),
				cleared ? "" : messages.getMessage("plan.week.clearance", null, locale),
				week -> messages.getMessage(renewKey, new Object[] { week }, locale),
				item -> texts.cautions(item, plan.age(), locale));
	}

}
