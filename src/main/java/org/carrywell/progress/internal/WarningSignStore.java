package org.carrywell.progress.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.carrywell.accounts.MemberData;
import org.carrywell.system.Rows;

/**
 * A member's warning-sign checks. The check is a page of its own (ADR 0003): the same result opened again (a reload,
 * the back button) within a few minutes is one check, not another.
 */
@Component
public class WarningSignStore implements MemberData {

	/** The same signs again within this long are the same check. */
	static final Duration SAME_CHECK = Duration.ofMinutes(10);

	/** @param weeks her week of pregnancy then, if known */
	public record Check(Instant at, @Nullable Integer weeks, String urgency, List<String> symptoms) {

		public Check {
			symptoms = List.copyOf(symptoms);
		}

	}

	private final JdbcClient jdbc;

	WarningSignStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Keeps a check; false when the same signs were kept for her moments ago. */
	public boolean record(UUID member, Check check) {
		String symptoms = String.join(",", check.symptoms().stream().sorted().toList());
		boolean seen = jdbc.sql("""
				SELECT COUNT(*) FROM warning_sign_check WHERE member_id = ? AND symptoms = ? AND checked_at > ?""")
			.params(member, symptoms, Rows.utc(check.at().minus(SAME_CHECK)))
			.query(Integer.class)
			.single() > 0;
		if (seen) {
			return false;
		}
		jdbc.sql("INSERT INTO warning_sign_check (member_id, checked_at, weeks, urgency, symptoms) VALUES (?, ?, ?, ?, ?)")
			.params(member, Rows.utc(check.at()), check.weeks(), check.urgency(), symptoms)
			.update();
		return true;
	}

	/** Her checks from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
	public List<Check> between(UUID member, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT checked_at, weeks, urgency, symptoms FROM warning_sign_check
				WHERE member_id = ? AND checked_at >= ? AND checked_at < ? ORDER BY checked_at, id""")
			.params(member, Rows.utc(from), Rows.utc(to))
			.query((rs, row) -> {
				int weeks = rs.getInt("weeks");
				Integer known = rs.wasNull() ? null : weeks;
				return new Check(Rows.instant(rs, "checked_at"), known, rs.getString("urgency"),
						Arrays.stream(rs.getString("symptoms").split(",")).filter(id -> !id.isEmpty()).toList());
			})
			.list();
	}

	@Override
	public String name() {
		return "warning-sign-checks";
	}

	@Override
	public List<Map<String, Object>> rowsOf(UUID memberId) {
		return jdbc.sql("SELECT checked_at, weeks, urgency, symptoms FROM warning_sign_check WHERE member_id = ? ORDER BY checked_at, id")
			.param(memberId)
			.query((rs, row) -> Rows.exported(rs))
			.list();
	}

}
