package org.carrywell.progress.internal;

import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.carrywell.accounts.MemberData;
import org.carrywell.system.Rows;

/** Her reminder choice: the days, the time and her time zone. No row: no reminders (they are opt-in). */
@Repository
public class ReminderSettings implements MemberData {

	/**
	 * @param nonce changes whenever she turns reminders on again: the stop links of older reminders are signed over
	 * the nonce they were sent with
	 * @param changedAt reminders are due only from this moment on
	 */
	public record Setting(UUID member, Set<DayOfWeek> days, LocalTime time, ZoneId zone, String nonce,
			Instant changedAt) {

		public Setting {
			var copy = EnumSet.noneOf(DayOfWeek.class);
			copy.addAll(days);
			days = Collections.unmodifiableSet(copy);
		}

	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	ReminderSettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Setting> of(UUID member) {
		return jdbc.sql("SELECT * FROM reminder_setting WHERE member_id = ?")
			.param(member)
			.query((rs, row) -> setting(rs))
			.optional();
	}

	/** Every member's setting, for the scheduler. */
	public List<Setting> all() {
		return jdbc.sql("SELECT * FROM reminder_setting ORDER BY member_id").query((rs, row) -> setting(rs)).list();
	}

	/**
	 * Turns her reminders on, or changes them. The stop link's nonce is kept while they stay on, so the link in
	 * any reminder she has stops them; it is new only when she turns them on again after stopping, so links from
	 * before then stop nothing.
	 */
	public Setting save(UUID member, Set<DayOfWeek> days, LocalTime time, ZoneId zone, Instant now) {
		String dayList = days.stream().sorted().map(day -> String.valueOf(day.getValue())).collect(Collectors.joining(","));
		Optional<Setting> current = of(member);
		if (current.isPresent()) {
			jdbc.sql("UPDATE reminder_setting SET days = ?, local_time = ?, zone = ?, changed_at = ? WHERE member_id = ?")
				.params(dayList, time.toString(), zone.getId(), now.atOffset(ZoneOffset.UTC), member)
				.update();
			return new Setting(member, days, time, zone, current.get().nonce(), now);
		}
		byte[] nonce = new byte[16];
		RANDOM.nextBytes(nonce);
		var setting = new Setting(member, days, time, zone, HexFormat.of().formatHex(nonce), now);
		try {
			jdbc.sql("INSERT INTO reminder_setting (member_id, days, local_time, zone, stop_nonce, changed_at) VALUES (?, ?, ?, ?, ?, ?)")
				.params(member, dayList, time.toString(), zone.getId(), setting.nonce(), now.atOffset(ZoneOffset.UTC))
				.update();
			return setting;
		}
		catch (org.springframework.dao.DuplicateKeyException savedTwiceAtOnce) {
			// The same form sent twice at once: the other one turned them on; this one changes them.
			return save(member, days, time, zone, now);
		}
	}

	/** Turns her reminders off; true when they were on. */
	public boolean stop(UUID member) {
		return jdbc.sql("DELETE FROM reminder_setting WHERE member_id = ?").param(member).update() > 0;
	}

	private static Setting setting(java.sql.ResultSet rs) throws java.sql.SQLException {
		var days = EnumSet.noneOf(DayOfWeek.class);
		for (String day : rs.getString("days").split(",")) {
			if (!day.isEmpty()) {
				days.add(DayOfWeek.of(Integer.parseInt(day)));
			}
		}
		return new Setting(rs.getObject("member_id", UUID.class), days, LocalTime.parse(rs.getString("local_time")),
				ZoneId.of(rs.getString("zone")), rs.getString("stop_nonce"), Rows.instant(rs, "changed_at"));
	}

	@Override
	public String name() {
		return "reminders";
	}

	@Override
	public List<Map<String, Object>> rowsOf(UUID memberId) {
		return jdbc.sql("SELECT days, local_time, zone, changed_at FROM reminder_setting WHERE member_id = ?")
			.param(memberId)
			.query((rs, row) -> Rows.exported(rs))
			.list();
	}

}
