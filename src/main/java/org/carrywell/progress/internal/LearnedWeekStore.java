package org.carrywell.progress.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import org.carrywell.accounts.MemberData;
import org.carrywell.catalogue.ExerciseId;
import org.carrywell.planning.LearnedWeek;
import org.carrywell.planning.LearningRule;
import org.carrywell.system.Rows;

/**
 * What each week's plan learned, one row per member and week, kept so that a week's decisions hold however often
 * her plan is opened, and so that the next week learns from them (at most one step from them).
 */
@Repository
public class LearnedWeekStore implements MemberData {

	/** A week as it is written: ids and dates as text, so the stored form does not depend on the records' shape. */
	record Stored(String weekStart, String decidedAt, Map<String, String> prescriptions, Map<String, String> leftOut,
			int minutes, int sessions, List<StoredChange> changes) {
	}

	record StoredChange(String rule, String step, @Nullable String from, @Nullable String to) {
	}

	/** A week with the number of sessions its plan held. */
	public record Week(LearnedWeek learned, int sessionsPlanned) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	LearnedWeekStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public Optional<Week> find(UUID member, LocalDate weekStart) {
		return jdbc.sql("SELECT decisions, sessions_planned FROM learned_week WHERE member_id = ? AND week_start = ?")
			.params(member, weekStart)
			.query((rs, row) -> new Week(read(rs.getString("decisions")), rs.getInt("sessions_planned")))
			.optional();
	}

	/** The latest week before {@code weekStart} she had a plan for. */
	public Optional<LearnedWeek> latestBefore(UUID member, LocalDate weekStart) {
		return jdbc.sql("SELECT decisions FROM learned_week WHERE member_id = ? AND week_start < ? ORDER BY week_start DESC LIMIT 1")
			.params(member, weekStart)
			.query((rs, row) -> read(rs.getString("decisions")))
			.optional();
	}

	/** Weeks from {@code from} on, oldest first. */
	public List<Week> since(UUID member, LocalDate from) {
		return jdbc.sql("SELECT decisions, sessions_planned FROM learned_week WHERE member_id = ? AND week_start >= ? ORDER BY week_start")
			.params(member, from)
			.query((rs, row) -> new Week(read(rs.getString("decisions")), rs.getInt("sessions_planned")))
			.list();
	}

	/** Keeps a new week; false when one was kept for it meanwhile (the first one stands). */
	public boolean insert(UUID member, LearnedWeek week, int sessionsPlanned, Instant now) {
		try {
			jdbc.sql("INSERT INTO learned_week (member_id, week_start, decisions, sessions_planned, decided_at) VALUES (?, ?, ?, ?, ?)")
				.params(member, week.weekStart(), write(week), sessionsPlanned, now.atOffset(ZoneOffset.UTC))
				.update();
			return true;
		}
		catch (DuplicateKeyException decidedAtTheSameMoment) {
			return false;
		}
	}

	/** Replaces a week's decisions (she asked for her plan to be made again). */
	public void replace(UUID member, LearnedWeek week, int sessionsPlanned, Instant now) {
		int updated = jdbc.sql("UPDATE learned_week SET decisions = ?, sessions_planned = ?, decided_at = ? WHERE member_id = ? AND week_start = ?")
			.params(write(week), sessionsPlanned, now.atOffset(ZoneOffset.UTC), member, week.weekStart())
			.update();
		if (updated == 0) {
			insert(member, week, sessionsPlanned, now);
		}
	}

	/** The sessions her plan holds this week changed (she changed her profile). */
	public void plannedSessions(UUID member, LocalDate weekStart, int sessionsPlanned) {
		jdbc.sql("UPDATE learned_week SET sessions_planned = ? WHERE member_id = ? AND week_start = ?")
			.params(sessionsPlanned, member, weekStart)
			.update();
	}

	String write(LearnedWeek week) {
		var prescriptions = new LinkedHashMap<String, String>();
		week.prescriptions().forEach((family, p) -> prescriptions.put(family, p.exercise().value() + ":" + p.setDelta()));
		var leftOut = new LinkedHashMap<String, String>();
		week.leftOut().forEach((id, until) -> leftOut.put(id.value(), until.toString()));
		var changes = week.changes()
			.stream()
			.map(change -> new StoredChange(change.rule().name(), change.step().name(),
					change.from() == null ? null : change.from().value(), change.to() == null ? null : change.to().value()))
			.toList();
		return json.writeValueAsString(new Stored(week.weekStart().toString(), week.decidedAt().toString(), prescriptions, leftOut,
				week.minutesPerSession(), week.sessionsPerWeek(), changes));
	}

	LearnedWeek read(String text) {
		Stored stored = json.readValue(text, Stored.class);
		var prescriptions = new LinkedHashMap<String, LearnedWeek.Prescription>();
		stored.prescriptions().forEach((family, value) -> {
			int colon = value.lastIndexOf(':');
			prescriptions.put(family, new LearnedWeek.Prescription(ExerciseId.of(value.substring(0, colon)),
					Integer.parseInt(value.substring(colon + 1))));
		});
		var leftOut = new LinkedHashMap<ExerciseId, LocalDate>();
		stored.leftOut().forEach((id, until) -> leftOut.put(ExerciseId.of(id), LocalDate.parse(until)));
		var changes = stored.changes()
			.stream()
			.map(change -> new LearnedWeek.Change(LearningRule.valueOf(change.rule()),
					LearnedWeek.Step.valueOf(change.step()), change.from() == null ? null : ExerciseId.of(change.from()),
					change.to() == null ? null : ExerciseId.of(change.to())))
			.toList();
		return new LearnedWeek(LocalDate.parse(stored.weekStart()), Instant.parse(stored.decidedAt()), prescriptions,
				leftOut, stored.minutes(),
				stored.sessions(), changes);
	}

	@Override
	public String name() {
		return "plan-weeks";
	}

	@Override
	public List<Map<String, Object>> rowsOf(UUID memberId) {
		return jdbc.sql("SELECT week_start, decisions, sessions_planned, decided_at FROM learned_week WHERE member_id = ? ORDER BY week_start")
			.param(memberId)
			.query((rs, row) -> Rows.exported(rs))
			.list();
	}

}
