package org.carrywell.sessions.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.carrywell.accounts.MemberData;

/**
 * A member's finished or stopped sessions. The key is (member, the UUID the player made the result with): the
 * same result sent twice is stored once, and both sends succeed.
 */
public class SessionResults implements MemberData {

	/** One session's result as the player records it. */
	public record Result(UUID clientId, Instant startedAt, Instant endedAt, @Nullable Integer day,
			@Nullable Integer painBefore, @Nullable Integer painAfter, @Nullable String felt, int secondsDone,
			List<String> exercisesDone, List<String> exercisesSkipped, List<String> symptoms) {

		public Result {
			exercisesDone = List.copyOf(exercisesDone);
			exercisesSkipped = List.copyOf(exercisesSkipped);
			symptoms = List.copyOf(symptoms);
		}

	}

	private final JdbcClient jdbc;

	public SessionResults(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores it unless it is there already; true when it was new. */
	public boolean store(UUID member, Result result, Instant receivedAt) {
		boolean known = jdbc.sql("SELECT COUNT(*) FROM session_result WHERE member_id = ? AND client_id = ?")
			.params(member, result.clientId())
			.query(Integer.class)
			.single() > 0;
		if (known) {
			return false;
		}
		try {
			jdbc.sql("""
					INSERT INTO session_result (member_id, client_id, started_at, ended_at, plan_day, pain_before,
					pain_after, felt, seconds_done, exercises_done, exercises_skipped, symptoms, received_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(member, result.clientId(), result.startedAt().atOffset(ZoneOffset.UTC),
						result.endedAt().atOffset(ZoneOffset.UTC), result.day(), result.painBefore(),
						result.painAfter(), result.felt(), result.secondsDone(), String.join(",", result.exercisesDone()),
						String.join(",", result.exercisesSkipped()), String.join(",", result.symptoms()),
						receivedAt.atOffset(ZoneOffset.UTC))
				.update();
			return true;
		}
		catch (DuplicateKeyException sentTwiceAtOnce) {
			// The same result arrived twice at the same moment: the other send stored it.
			return false;
		}
	}

	public int count(UUID member) {
		return jdbc.sql("SELECT COUNT(*) FROM session_result WHERE member_id = ?").param(member).query(Integer.class).single();
	}

	@Override
	public String name() {
		return "sessions";
	}

	@Override
	public List<Map<String, Object>> rowsOf(UUID memberId) {
		return jdbc.sql("""
				SELECT client_id, started_at, ended_at, plan_day, pain_before, pain_after, felt, seconds_done,
				exercises_done, exercises_skipped, symptoms, received_at FROM session_result WHERE member_id = ?
				ORDER BY started_at""").param(memberId).query((rs, row) -> {
					var values = new java.util.LinkedHashMap<String, Object>();
					var meta = rs.getMetaData();
					for (int column = 1; column <= meta.getColumnCount(); column++) {
						Object value = rs.getObject(column);
						if (value instanceof java.time.OffsetDateTime time) {
							value = time.toInstant().toString();
						}
						else if (value instanceof java.sql.Timestamp time) {
							value = time.toInstant().toString();
						}
						values.put(meta.getColumnLabel(column).toLowerCase(java.util.Locale.ROOT),
								value == null ? "" : value instanceof Number ? value : value.toString());
					}
					return (Map<String, Object>) values;
				}).list();
	}

}
