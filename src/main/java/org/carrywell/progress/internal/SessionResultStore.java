package org.carrywell.progress.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.carrywell.accounts.MemberData;
import org.carrywell.planning.PlanAdjustment.Feedback;
import org.carrywell.progress.SessionRecord;
import org.carrywell.system.Rows;

/**
 * A member's finished or stopped sessions. The key is (member, the UUID the player made the result with): the
 * same result sent twice is stored once, and both sends succeed, even when they arrive at the same moment.
 */
@Repository
public class SessionResultStore implements MemberData {

	private static final String COLUMNS = """
			client_id, started_at, ended_at, plan_day, pain_before, pain_after, felt, seconds_done, exercises_done,
			exercises_skipped, exercises_easier, exercises_painful, symptoms, note""";

	private final JdbcClient jdbc;

	SessionResultStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores it unless it is there already; true when it was new. */
	public boolean store(UUID member, SessionRecord result, Instant receivedAt) {
		boolean known = jdbc.sql("SELECT COUNT(*) FROM session_result WHERE member_id = ? AND client_id = ?")
			.params(member, result.clientId())
			.query(Integer.class)
			.single() > 0;
		if (known) {
			return false;
		}
		try {
			jdbc.sql("INSERT INTO session_result (member_id, " + COLUMNS + ", received_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(member, result.clientId(), result.startedAt().atOffset(ZoneOffset.UTC),
						result.endedAt().atOffset(ZoneOffset.UTC), result.day(), result.painBefore(),
						result.painAfter(), result.felt() == null ? null : result.felt().name(), result.secondsDone(),
						String.join(",", result.exercisesDone()), String.join(",", result.exercisesSkipped()),
						String.join(",", result.exercisesEasier()), String.join(",", result.exercisesPainful()),
						String.join(",", result.symptoms()), result.note(), receivedAt.atOffset(ZoneOffset.UTC))
				.update();
			return true;
		}
		catch (DuplicateKeyException sentTwiceAtOnce) {
			// The same result arrived twice at the same moment: the other send stored it.
			return false;
		}
	}

	/** Her sessions started in [from, to), oldest first. */
	public List<SessionRecord> between(UUID member, Instant from, Instant to) {
		return jdbc.sql("SELECT " + COLUMNS + ", received_at FROM session_result WHERE member_id = ? AND started_at >= ? "
				+ "AND started_at < ? ORDER BY started_at, client_id")
			.params(member, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC))
			.query((rs, row) -> record(rs))
			.list();
	}

	public int count(UUID member) {
		return jdbc.sql("SELECT COUNT(*) FROM session_result WHERE member_id = ?").param(member).query(Integer.class).single();
	}

	private static SessionRecord record(ResultSet rs) throws SQLException {
		String felt = rs.getString("felt");
		return new SessionRecord(rs.getObject("client_id", UUID.class), Rows.instant(rs, "started_at"),
				Rows.instant(rs, "ended_at"), rs.getObject("plan_day", Integer.class),
				rs.getObject("pain_before", Integer.class), rs.getObject("pain_after", Integer.class),
				felt == null ? null : Arrays.stream(Feedback.values()).filter(f -> f.name().equals(felt)).findFirst().orElse(null),
				rs.getInt("seconds_done"), list(rs, "exercises_done"), list(rs, "exercises_skipped"),
				list(rs, "exercises_easier"), list(rs, "exercises_painful"), list(rs, "symptoms"), rs.getString("note"),
				Rows.instant(rs, "received_at"));
	}

	private static List<String> list(ResultSet rs, String column) throws SQLException {
		String value = rs.getString(column);
		return value == null || value.isEmpty() ? List.of() : List.of(value.split(","));
	}

	@Override
	public String name() {
		return "sessions";
	}

	@Override
	public List<Map<String, Object>> rowsOf(UUID memberId) {
		return jdbc.sql("SELECT " + COLUMNS + ", received_at FROM session_result WHERE member_id = ? ORDER BY started_at")
			.param(memberId)
			.query((rs, row) -> Rows.exported(rs))
			.list();
	}

}
