package org.carrywell.sessions.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.carrywell.accounts.CurrentMember;
import org.carrywell.accounts.MemberActivity;
import org.carrywell.accounts.SignedInMember;
import org.carrywell.sessions.internal.SessionResults;
import org.carrywell.system.InvalidParameter;
import org.carrywell.system.InvalidParametersException;
import org.carrywell.system.NotFoundException;
import org.carrywell.system.SecurityConfiguration;

/**
 * Session results sent by the player or brought from a device after signing in. Each carries the UUID the player
 * made it with: sending the same result again stores nothing and still succeeds.
 */
@RestController
@RequestMapping(path = SecurityConfiguration.MEMBER_API + "/session-results", produces = "application/json")
@Tag(name = "Me")
class SessionResultsApiController {

	/** The shape the player keeps in the browser (static/js/player/history.js). */
	record ResultBody(@Nullable String id, @Nullable String startedAt, @Nullable String endedAt, @Nullable Integer day,
			@Nullable Integer painBefore, @Nullable Integer painAfter, @Nullable String felt,
			@Nullable Integer secondsDone, @Nullable List<String> exercisesDone, @Nullable List<String> exercisesSkipped,
			@Nullable List<String> symptoms) {
	}

	record Stored(int stored, int alreadyKept) {
	}

	static final int MAX_RESULTS = 1000;

	/** Ids as the catalogue and the safety module write them; the caps keep a stored list within its column. */
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,60}");

	static final int MAX_EXERCISES = 30;

	static final int MAX_SYMPTOMS = 15;

	private static final Pattern FELT = Pattern.compile("[a-z_-]{1,16}");

	private final SessionResults results;

	private final CurrentMember currentMember;

	private final Clock clock;

	private final MemberActivity activity;

	SessionResultsApiController(SessionResults results, CurrentMember currentMember, MemberActivity activity,
			Clock clock) {
		this.activity = activity;
		this.results = results;
		this.currentMember = currentMember;
		this.clock = clock;
	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "Keep session results (idempotent by their UUID)",
			description = "A list of results as the player records them. Each is checked; one bad result refuses the "
					+ "whole list (400 names it), so nothing is half-imported.")
	Stored store(@RequestBody List<ResultBody> body) {
		SignedInMember member = currentMember.get().orElseThrow(() -> new NotFoundException("member", ""));
		if (body.size() > MAX_RESULTS) {
			throw new InvalidParametersException(List.of(new InvalidParameter("results", String.valueOf(body.size()),
					"at most " + MAX_RESULTS + " at once", List.of())));
		}
		var checked = new ArrayList<SessionResults.Result>();
		for (int index = 0; index < body.size(); index++) {
			ResultBody result = body.get(index);
			if (result == null) {
				throw new InvalidParametersException(List.of(problem("[" + index + "]", "null", "is not a result")));
			}
			checked.add(read(result, "[" + index + "]"));
		}
		int stored = 0;
		Instant now = clock.instant();
		for (SessionResults.Result result : checked) {
			if (results.store(member.id(), result, now)) {
				stored++;
			}
		}
		if (stored > 0) {
			activity.resultsImported(member.id(), stored);
		}
		return new Stored(stored, checked.size() - stored);
	}

	private static SessionResults.Result read(ResultBody body, String at) {
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
		if (started != null && ended != null && ended.isBefore(started)) {
			problems.add(problem(at + ".endedAt", body.endedAt(), "is before startedAt"));
		}
		painInRange(body.painBefore(), at + ".painBefore", problems);
		painInRange(body.painAfter(), at + ".painAfter", problems);
		if (body.felt() != null && !FELT.matcher(body.felt()).matches()) {
			problems.add(problem(at + ".felt", body.felt(), "is not a known feeling"));
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
		List<String> symptoms = ids(body.symptoms(), MAX_SYMPTOMS, at + ".symptoms", problems);
		if (!problems.isEmpty()) {
			throw new InvalidParametersException(problems);
		}
		return new SessionResults.Result(id, started, ended, body.day(), body.painBefore(), body.painAfter(),
				body.felt(), seconds, done, skipped, symptoms);
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

	private static InvalidParameter problem(String name, @Nullable String value, String detail) {
		return new InvalidParameter(name, value == null ? "" : value.length() > 80 ? value.substring(0, 80) : value,
				detail, List.of());
	}

}
