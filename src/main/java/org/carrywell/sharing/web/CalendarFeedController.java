package org.carrywell.sharing.web;

import java.time.Clock;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.carrywell.accounts.MemberProfiles;
import org.carrywell.plans.PlanCalendars;
import org.carrywell.sharing.internal.CalendarFeeds;

/**
 * Her calendar subscription: the secret address her phone's calendar fetches now and then, with no cookie. Made
 * again at every fetch, from today (rule book v2: never past the next boundary week). An address she renewed or
 * turned off answers 404, like one that never was; a profile that cannot make a plan today answers an empty
 * calendar, so her phone keeps the subscription until her plan can be made again.
 */
@Controller
class CalendarFeedController {

	private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar; charset=utf-8");

	private final CalendarFeeds feeds;

	private final MemberProfiles members;

	private final PlanCalendars calendars;

	private final Clock clock;

	CalendarFeedController(CalendarFeeds feeds, MemberProfiles members, PlanCalendars calendars, Clock clock) {
		this.feeds = feeds;
		this.members = members;
		this.calendars = calendars;
		this.clock = clock;
	}

	@GetMapping("/calendar/{token}.ics")
	ResponseEntity<String> feed(@PathVariable String token) {
		Optional<CalendarFeeds.Feed> feed = feeds.fetch(token, clock.instant());
		var member = feed.flatMap(found -> members.of(found.member()));
		if (feed.isEmpty() || member.isEmpty()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("Not found");
		}
		String body = calendars.upcoming(member.get(), feed.get().time(), LocaleContextHolder.getLocale())
			.orElseGet(PlanCalendars::empty);
		return ResponseEntity.ok().contentType(CALENDAR).body(body);
	}

}
