package org.carrywell.progress.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.carrywell.accounts.CurrentMember;
import org.carrywell.accounts.MemberActivity;
import org.carrywell.accounts.SignedInMember;
import org.carrywell.catalogue.PainArea;
import org.carrywell.planning.PlanAdjustment.Feedback;
import org.carrywell.progress.SessionRecord;
import org.carrywell.progress.internal.ActivityStore;
import org.carrywell.progress.internal.DiaryStore;
import org.carrywell.progress.internal.SessionResultStore;
import org.carrywell.progress.WeekTotals;
import org.carrywell.system.InvalidParameter;
import org.carrywell.system.InvalidParametersException;
import org.carrywell.system.NotFoundException;
import org.carrywell.system.SecurityConfiguration;

/**
 * Her sessions, pain diary and activity minutes as JSON. Sessions are sent by the player (or brought from a device
 * after signing in), each with the UUID the player made it with: sending the same result again stores nothing and
 * still succeeds. Every list is read for a period of at most {@link #MAX_DAYS} days, the last 90 by default.
 */
@RestController
@RequestMapping(path = SecurityConfiguration.MEMBER_API, produces = "application/json")
@Tag(name = "Me")
class ProgressApiController {

	/** The shape the player keeps in the browser (static/js/player/history.js). */
	record ResultBody(@Nullable String id, @Nullable String startedAt, @Nullable String endedAt, @Nullable Integer day,
			@Nullable Integer painBefore, @Nullable Integer painAfter, @Nullable String felt,
			@Nullable Integer secondsDone, @Nullable List<String> exercisesDone, @Nullable List<String> exercisesSkipped,
			@Nullable List<String> exercisesEasier, @Nullable List<String> exercisesPainful,
			@Nullable List<String> symptoms, @Nullable String note) {
	}

	record Stored(int stored, int alreadyKept) {
	}

	record DiaryBody(@Nullable Map<String, @Nullable Integer> pain, @Nullable Boolean sleepDisturbed,
			@Nullable String note) {
	}

	/** @param offerWarningCheck pain of 8 or more, or a rise of 3 or more: the warning-sign check is offered */
	record DiaryJson(LocalDate day, Map<PainArea, Integer> pain, boolean sleepDisturbed, String note,
			boolean offerWarningCheck) {
	}

	record ActivityJson(List<ActivityStore.Entry> days, List<WeekTotals.ActivityWeek> weeks) {
	}

	static final int MAX_RESULTS = 1000;

	static final int MAX_DAYS = 400;

	static final int DEFAULT_DAYS = 90;

	/** The earliest day the API reads or writes: nothing Carrywell keeps is older. */
	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	/** Ids as the catalogue and the safety module write them; the caps keep a stored list within its column. */
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,60}");

	static final int MAX_EXERCISES = 30;

	static final int MAX_SYMPTOMS = 15;

	static final int MAX_NOTE = 500;

	private final SessionResultStore results;

	private final DiaryStore diary;

	private final ActivityStore activity;

	private final CurrentMember currentMember;

	private final Clock clock;

	private final MemberActivity memberActivity;

	ProgressApiController(SessionResultStore results, DiaryStore diary, ActivityStore activity,
			CurrentMember currentMember, MemberActivity memberActivity, Clock clock) {
		this.results = results;
		this.diary = diary;
		this.activity = activity;
		this.currentMember = currentMember;
		this.memberActivity = memberActivity;
		this.clock = clock;
	}

	@PostMapping(path = "/sessions", consumes = "application/json")
	@Operation(summary = "Keep session results (idempotent by their UUID)",
			description = "A list of results as the player records them. Each is checked; one bad result refuses the "
					+ "whole list (400 names it), so nothing is half-imported. A result already kept counts as "
					+ "alreadyKept and changes nothing.")
	Stored storeSessions(@RequestBody List<ResultBody> body) {
		SignedInMember member = member();
		if (body.size() > MAX_RESULTS) {
			throw invalid("results", String.valueOf(body.size()), "at most " + MAX_RESULTS + " at once");
		}
		var checked = new ArrayList<SessionRecord>();
		for (int index = 0; index < body.size(); index++) {
			ResultBody result = body.get(index);
			if (result == null) {
				throw invalid("[" + index + "]", "null", "is not a result");
			}
			checked.add(read(result, "[" + index + "]"));
		}
		int stored = 0;
		Instant now = clock.instant();
		for (SessionRecord result : checked) {
			if (results.store(member.id(), result, now)) {
				stored++;
			}
		}
		if (stored > 0) {
			memberActivity.resultsImported(member.id(), stored);
		}
		return new Stored(stored, checked.size() - stored);
	}

	@GetMapping("/sessions")
	@Operation(summary = "Her sessions started from one day to another (both included; the last 90 days by default)")
	List<SessionRecord> sessions(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		LocalDate[] period = period(from, to);
		var zone = clock.getZone();
		return results.between(member().id(), period[0].atStartOfDay(zone).toInstant(),
				period[1].plusDays(1).atStartOfDay(zone).toInstant());
	}

	@GetMapping("/diary")
	@Operation(summary = "Her pain diary from one day to another (both included; the last 90 days by default)")
	List<DiaryJson> diary(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		LocalDate[] period = period(from, to);
		UUID id = member().id();
		return diary.between(id, period[0], period[1]).stream().map(entry -> json(id, entry)).toList();
	}

	@PutMapping(path = "/diary/{day}", consumes = "application/json")
	@Operation(summary = "Write one day's diary entry",
			description = "pain: intensity 0–10 by area id (areas left out were not rated). The answer says whether "
					+ "the warning-sign check is offered (rule book v2: pain of 8 or more, or a rise of 3 or more).")
	DiaryJson writeDiary(@PathVariable String day, @RequestBody DiaryBody body) {
		UUID id = member().id();
		LocalDate date = pastDay(day);
		var problems = new ArrayList<InvalidParameter>();
		var pain = new EnumMap<PainArea, Integer>(PainArea.class);
		if (body.pain() != null) {
			body.pain().forEach((area, value) -> {
				var known = Arrays.stream(PainArea.values()).filter(a -> a.name().equals(area)).findFirst();
				if (known.isEmpty()) {
					problems.add(problem("pain." + area, "", "is not a pain area"));
				}
				else if (value == null || value < 0 || value > 10) {
					problems.add(problem("pain." + area, String.valueOf(value), "is not 0 to 10"));
				}
				else {
					pain.put(known.get(), value);
				}
			});
		}
		String note = body.note() == null ? "" : body.note().strip();
		if (note.length() > MAX_NOTE) {
			problems.add(problem("note", note, "is longer than " + MAX_NOTE + " characters"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidParametersException(problems);
		}
		var entry = new DiaryStore.Entry(date, pain, Boolean.TRUE.equals(body.sleepDisturbed()), note);
		diary.save(id, entry, clock.instant());
		return json(id, entry);
	}

	@DeleteMapping("/diary/{day}")
	@Operation(summary = "Remove one day's diary entry")
	void deleteDiary(@PathVariable String day) {
		diary.delete(member().id(), pastDay(day));
	}

	@GetMapping("/activity")
	@Operation(summary = "Her activity minutes from one day to another, and each week's total against the guideline",
			description = "The guideline: 150 minutes of moderate activity a week over at least 3 days, for all "
					+ "activity (not for back exercises alone).")
	ActivityJson activity(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		LocalDate[] period = period(from, to);
		var days = activity.between(member().id(), period[0], period[1]);
		return new ActivityJson(days, WeekTotals.activityWeeks(days, period[0], period[1]));
	}

	@PutMapping(path = "/activity/{day}", consumes = "application/json")
	@Operation(summary = "Set one day's minutes by kind",
			description = "A map of kind (WALKING, SWIMMING, CYCLING, YOGA, OTHER) to minutes, 0 to 600; 0 removes a kind.")
	List<ActivityStore.Entry> writeActivity(@PathVariable String day, @RequestBody Map<String, @Nullable Integer> body) {
		UUID id = member().id();
		LocalDate date = pastDay(day);
		var problems = new ArrayList<InvalidParameter>();
		var entries = new ArrayList<ActivityStore.Entry>();
		body.forEach((kind, minutes) -> {
			var known = Arrays.stream(ActivityStore.Kind.values()).filter(k -> k.name().equals(kind)).findFirst();
			if (known.isEmpty()) {
				problems.add(problem(kind, "", "is not a kind of activity"));
			}
			else if (minutes == null || minutes < 0 || minutes > ActivityStore.MAX_MINUTES) {
				problems.add(problem(kind, String.valueOf(minutes), "is not 0 to " + ActivityStore.MAX_MINUTES));
			}
			else {
				entries.add(new ActivityStore.Entry(date, known.get(), minutes));
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidParametersException(problems);
		}
		entries.forEach(entry -> activity.set(id, entry));
		return activity.between(id, date, date);
	}

	private DiaryJson json(UUID member, DiaryStore.Entry entry) {
		return new DiaryJson(entry.day(), entry.pain(), entry.sleepDisturbed(), entry.note(),
				entry.offersWarningCheck(diary.before(member, entry.day())));
	}

	private SignedInMember member() {
		return currentMember.get().orElseThrow(() -> new NotFoundException("member", ""));
	}

	private LocalDate[] period(@Nullable String from, @Nullable String to) {
		LocalDate today = LocalDate.now(clock);
		LocalDate end = to == null ? today : day(to, "to");
		LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1) : day(from, "from");
		if (start.isAfter(end) || ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
			throw invalid("from", start.toString(), "must be on or before 'to', and at most " + MAX_DAYS + " days before it");
		}
		return new LocalDate[] { start, end };
	}

	/** A day in the range this API keeps: from {@link #EARLIEST} to a year from now. */
	private LocalDate day(String text, String name) {
		LocalDate day;
		try {
			day = LocalDate.parse(text);
		}
		catch (DateTimeParseException unreadable) {
			throw invalid(name, text, "is not a date (YYYY-MM-DD)");
		}
		if (day.isBefore(EARLIEST) || day.isAfter(LocalDate.now(clock).plusYears(1))) {
			throw invalid(name, text, "is not between " + EARLIEST + " and a year from today");
		}
		return day;
	}

	/**
	 * A day she can write her diary or activity for: today, or up to {@link #MAX_DAYS} days back. Tomorrow by the
	 * server's clock is accepted too: in a time zone ahead of the server's, it is her today.
	 */
	private LocalDate pastDay(String text) {
		LocalDate day = day(text, "day");
		LocalDate today = LocalDate.now(clock);
		if (day.isAfter(today.plusDays(1)) || day.isBefore(today.minusDays(MAX_DAYS))) {
			throw invalid("day", text, "is not today or a day in the last " + MAX_DAYS + " days");
		}
		return day;
	}

	private SessionRecord read(ResultBody body, String at) {
		var problems = new ArrayList<InvalidParameter>();
		UUID id = null;
		try {
			id = body.id() == null ? null : UUID.fromString(body.id());
		}
		catch (IllegalArgumentException notUuid) {
			// Named below.
		}
		if (id == null) {
			problems.add(problem(at + ".id", body.id(), "is not a UUID"));
		}
		Instant started = instant(body.startedAt(), at + ".startedAt", problems);
		Instant ended = instant(body.endedAt(), at + ".endedAt", problems);
		withinRange(started, at + ".startedAt", problems);
		withinRange(ended, at + ".endedAt", problems);
		if (started != null && ended != null && ended.isBefore(started)) {
			problems.add(problem(at + ".endedAt", body.endedAt(), "is before startedAt"));
		}
		painInRange(body.painBefore(), at + ".painBefore", problems);
		painInRange(body.painAfter(), at + ".painAfter", problems);
		Feedback felt = null;
		if (body.felt() != null) {
			felt = Arrays.stream(Feedback.values()).filter(f -> f.name().equals(body.felt())).findFirst().orElse(null);
			if (felt == null) {
				problems.add(problem(at + ".felt", body.felt(), "is not one of TOO_EASY, ABOUT_RIGHT, TOO_HARD"));
			}
		}
		int seconds = body.secondsDone() == null ? 0 : body.secondsDone();
		if (seconds < 0 || seconds > 24 * 3600) {
			problems.add(problem(at + ".secondsDone", String.valueOf(seconds), "is not 0 to 86400"));
		}
		if (body.day() != null && (body.day() < 1 || body.day() > 7)) {
			problems.add(problem(at + ".day", String.valueOf(body.day()), "is not a day of the week's plan, 1 to 7"));
		}
		List<String> done = ids(body.exercisesDone(), MAX_EXERCISES, at + ".exercisesDone", problems);
		List<String> skipped = ids(body.exercisesSkipped(), MAX_EXERCISES, at + ".exercisesSkipped", problems);
		List<String> easier = ids(body.exercisesEasier(), MAX_EXERCISES, at + ".exercisesEasier", problems);
		List<String> painful = ids(body.exercisesPainful(), MAX_EXERCISES, at + ".exercisesPainful", problems);
		List<String> symptoms = ids(body.symptoms(), MAX_SYMPTOMS, at + ".symptoms", problems);
		String note = body.note() == null ? "" : body.note().strip();
		if (note.length() > MAX_NOTE) {
			problems.add(problem(at + ".note", note, "is longer than " + MAX_NOTE + " characters"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidParametersException(problems);
		}
		return new SessionRecord(id, started, ended, body.day(), body.painBefore(), body.painAfter(), felt, seconds,
				done, skipped, easier, painful, symptoms, note, null);
	}

	/** A session's times lie between {@link #EARLIEST} and a day from now (a phone's clock may run a little fast). */
	private void withinRange(@Nullable Instant time, String name, List<InvalidParameter> problems) {
		Instant earliest = EARLIEST.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
		if (time != null && (time.isBefore(earliest) || time.isAfter(clock.instant().plus(java.time.Duration.ofDays(1))))) {
			problems.add(problem(name, time.toString(), "is not between " + EARLIEST + " and now"));
		}
	}

	private static void painInRange(@Nullable Integer pain, String name, List<InvalidParameter> problems) {
		if (pain != null && (pain < 0 || pain > 10)) {
			problems.add(problem(name, String.valueOf(pain), "is not 0 to 10"));
		}
	}

	private static @Nullable Instant instant(@Nullable String text, String name, List<InvalidParameter> problems) {
		try {
			return Instant.parse(String.valueOf(text));
		}
		catch (DateTimeParseException unreadable) {
			problems.add(problem(name, text, "is not an ISO-8601 instant"));
			return null;
		}
	}

	private static List<String> ids(@Nullable List<String> values, int most, String name,
			List<InvalidParameter> problems) {
		if (values == null) {
			return List.of();
		}
		if (values.size() > most || values.stream().anyMatch(value -> value == null || !ID.matcher(value).matches())) {
			problems.add(problem(name, String.valueOf(values.size()), "holds something that is not an id"));
			return List.of();
		}
		return values;
	}

	private static InvalidParametersException invalid(String name, @Nullable String value, String detail) {
		return new InvalidParametersException(List.of(problem(name, value, detail)));
	}

	private static InvalidParameter problem(String name, @Nullable String value, String detail) {
		return new InvalidParameter(name, value == null ? "" : value.length() > 80 ? value.substring(0, 80) : value,
				detail, List.of());
	}

}
