package org.carrywell.progress.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.carrywell.accounts.MemberData;
import org.carrywell.system.Rows;

/** Her activity minutes: per day and kind, written again when she changes them. */
@Repository
public class ActivityStore implements MemberData {

	/** The kinds of activity she can log; all count towards the guideline. */
	public enum Kind {

		WALKING, SWIMMING, CYCLING, YOGA, OTHER

	}

	public record Entry(LocalDate day, Kind kind, int minutes) {
	}

	/** The most minutes one kind of activity takes in a day, as the form and the API accept them. */
	public static final int MAX_MINUTES = 600;

	private final JdbcClient jdbc;

	ActivityStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Sets the minutes of a kind on a day; 0 removes them. */
	public void set(UUID member, Entry entry) {
		jdbc.sql("DELETE FROM activity_minutes WHERE member_id = ? AND activity_date = ? AND kind = ?")
			.params(member, entry.day(), entry.kind().name())
			.update();
		if (entry.minutes() > 0) {
			try {
				jdbc.sql("INSERT INTO activity_minutes (member_id, activity_date, kind, minutes) VALUES (?, ?, ?, ?)")
					.params(member, entry.day(), entry.kind().name(), entry.minutes())
					.update();
			}
			catch (org.springframework.dao.DuplicateKeyException setAtTheSameMoment) {
				jdbc.sql("UPDATE activity_minutes SET minutes = ? WHERE member_id = ? AND activity_date = ? AND kind = ?")
					.params(entry.minutes(), member, entry.day(), entry.kind().name())
					.update();
			}
		}
	}

	/** Entries from {@code from} to {@code to}, both included, oldest first. */
	public List<Entry> between(UUID member, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT activity_date, kind, minutes FROM activity_minutes
				WHERE member_id = ? AND activity_date BETWEEN ? AND ? ORDER BY activity_date, kind""")
			.params(member, from, to)
			.query((rs, row) -> new Entry(rs.getObject("activity_date", LocalDate.class), Kind.valueOf(rs.getString("kind")),
					rs.getInt("minutes")))
			.list();
	}

	@Override
	public String name() {
		return "activity-minutes";
	}

	@Override
	public List<Map<String, Object>> rowsOf(UUID memberId) {
		return jdbc.sql("SELECT activity_date, kind, minutes FROM activity_minutes WHERE member_id = ? ORDER BY activity_date, kind")
			.param(memberId)
			.query((rs, row) -> Rows.exported(rs))
			.list();
	}

}
