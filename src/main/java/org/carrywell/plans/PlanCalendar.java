package org.carrywell.plans;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;

import org.carrywell.planning.WeeklyPlan;
import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.Pregnancy;

/**
 * The week's sessions as an iCalendar file: one weekly event a session, at the time she picks, from the first
 * matching day on or after {@code from}, repeating until the day before {@code until}: the next week at which a
 * rule or an outcome changes, or four weeks at most (rule book v2: a series never runs into a week the plan was
 * not made for). When it stops at such a week, one more event on its first day asks her to make the plan again.
 * Each event carries what applies to her: the provider notice when clearance is needed, each exercise's note and
 * cautions for her trimester, and the warning signs. Times are "floating": they follow her calendar's time zone.
 */
public final class PlanCalendar {

	public static final int WEEKS = 4;

	/** The event texts, in her language. */
	public record Words(IntFunction<String> title, String stopNote, String clearanceNote, IntFunction<String> renew,
			Function<WeeklyPlan.Item, String> cautions) {
	}

	/**
	 * Which days a series from {@code from} covers: up to the first day with no session (exclusive), which is the
	 * first day of the next boundary week when one comes within four weeks ({@code renewWeek}), else four weeks on,
	 * and never past the end of week 42.
	 */
	public record Window(LocalDate until, @Nullable Integer renewWeek) {

		public static Window from(Pregnancy pregnancy, LocalDate from) {
			LocalDate until = from.plusWeeks(WEEKS);
			LocalDate endOfWeek42 = pregnancy.firstDayOfWeek(GestationalAge.MAX_WEEKS + 1);
			if (endOfWeek42.isBefore(until)) {
				until = endOfWeek42;
			}
			var boundary = pregnancy.nextBoundaryWeekAfter(from);
			if (boundary.isPresent() && !pregnancy.firstDayOfWeek(boundary.get()).isAfter(until)) {
				return new Window(pregnancy.firstDayOfWeek(boundary.get()), boundary.get());
			}
			return new Window(until, null);
		}

	}

	private PlanCalendar() {
	}

	/**
	 * @param uid what the events' ids start with: the same for the same calendar (so a calendar app updates its
	 * events rather than adding more), different for different people's
	 * @param until the first day with no session (exclusive)
	 * @param renewWeek the week from which the plan must be made again, when the series stops at one
	 */
	public static String write(String uid, WeeklyPlan plan, LocalDate from, LocalDate until, @Nullable Integer renewWeek,
			LocalTime time, String planUrl, Words words) {
		var calendar = new Calendar().withProdId("-//Carrywell//Weekly plan//EN").withDefaults().getFluentTarget();
		// A member whose provider cleared her has no reminder (rule book v2): the caller passes no note then.
		String notice = plan.status() == WeeklyPlan.Status.CLEARANCE_NEEDED && !words.clearanceNote().isBlank()
				? words.clearanceNote() + "\n\n" : "";
		for (WeeklyPlan.Session session : plan.sessions()) {
			LocalDate first = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.of(session.day())));
			int count = 0;
			for (LocalDate day = first; day.isBefore(until); day = day.plusWeeks(1)) {
				count++;
			}
			if (count == 0) {
				continue;
			}
			int minutes = Math.max(1, (session.totalSeconds() + 59) / 60);
			var event = new VEvent(LocalDateTime.of(first, time), java.time.Duration.ofMinutes(minutes),
					words.title().apply(minutes));
			event.add(new Uid(uid + "-day-" + session.day()));
			event.add(new RRule<>(new Recur<LocalDateTime>("FREQ=WEEKLY;COUNT=" + count)));
			String items = session.items()
				.stream()
				.map(item -> "- " + item.exercise().name() + words.cautions().apply(item))
				.collect(Collectors.joining("\n"));
			String renew = renewWeek == null ? "" : "\n\n" + words.renew().apply(renewWeek);
			event.add(new Description(notice + items + "\n\n" + words.stopNote() + renew));
			event.add(new Url(URI.create(planUrl)));
			calendar.add(event);
		}
		if (renewWeek != null) {
			var renewal = new VEvent(LocalDateTime.of(until, time), java.time.Duration.ofMinutes(5),
					words.renew().apply(renewWeek));
			renewal.add(new Uid(uid + "-renew"));
			renewal.add(new Description(words.renew().apply(renewWeek)));
			renewal.add(new Url(URI.create(planUrl)));
			calendar.add(renewal);
		}
		return calendar.toString();
	}

}
