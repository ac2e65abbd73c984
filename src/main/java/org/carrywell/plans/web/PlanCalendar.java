package org.carrywell.plans.web;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;

import org.carrywell.planning.WeeklyPlan;

/**
 * The week's sessions as an iCalendar file: one weekly event a session, at the time she picks, starting on the
 * first matching day from the date she picks, repeating for four weeks (then the plan should be renewed).
 * Times are "floating": they follow her calendar's own time zone.
 */
final class PlanCalendar {

	static final int WEEKS = 4;

	private PlanCalendar() {
	}

	/** @param title the event's title for a session of so many minutes */
	static String write(WeeklyPlan plan, LocalDate from, LocalTime time, String planUrl, IntFunction<String> title,
			String stopNote) {
		var calendar = new Calendar().withProdId("-//Carrywell//Weekly plan//EN").withDefaults().getFluentTarget();
		for (WeeklyPlan.Session session : plan.sessions()) {
			LocalDate day = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.of(session.day())));
			int minutes = Math.max(1, (session.totalSeconds() + 59) / 60);
			var event = new VEvent(LocalDateTime.of(day, time), java.time.Duration.ofMinutes(minutes),
					title.apply(minutes));
			event.add(new Uid("carrywell-" + Integer.toHexString(planUrl.hashCode()) + "-day-" + session.day()));
			event.add(new RRule<>(new Recur<LocalDateTime>("FREQ=WEEKLY;COUNT=" + WEEKS)));
			event.add(new Description(session.items()
				.stream()
				.map(item -> "- " + item.exercise().name())
				.collect(Collectors.joining("\n")) + "\n\n" + stopNote));
			event.add(new Url(URI.create(planUrl)));
			calendar.add(event);
		}
		return calendar.toString();
	}

}
