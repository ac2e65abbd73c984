package org.carrywell.progress.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.carrywell.accounts.MemberData;
import org.carrywell.catalogue.PainArea;
import org.carrywell.system.Rows;

/** Her pain diary: one entry a day, written again when she changes it. */
@Repository
public class DiaryStore implements MemberData {

	/**
	 * One day's entry.
	 *
	 * @param pain intensity 0–10 by area, for the areas she rated
	 */
	public record Entry(LocalDate day, Map<PainArea, Integer> pain, boolean sleepDisturbed, String note) {

		public Entry {
			var copy = new EnumMap<PainArea, Integer>(PainArea.class);
			copy.putAll(pain);
			pain = java.util.Collections.unmodifiableMap(copy);
		}

		/**
		 * Rule book v2 in the diary: pain of 8 or more, or a rise of 3 or more in an area since her entry before
		 * (within a week; an area she did not rate then counts from 0), offers the warning-sign check (she decides
		 * what to tick there).
		 */
		public boolean offersWarningCheck(Optional<Entry> before) {
			return pain.entrySet().stream().anyMatch(area -> area.getValue() >= STRONG_PAIN
					|| before.map(earlier -> area.getValue() - earlier.pain().getOrDefault(area.getKey(), 0) >= PAIN_RISE)
						.orElse(false));
		}

		/** Her worst pain that day, 0 when she rated none. */
		public int worst() {
			return pain.values().stream().mapToInt(Integer::intValue).max().orElse(0);
		}

	}

	/** Pain from which the warning-sign check is offered (rule book v2). */
	public static final int STRONG_PAIN = 8;

	/** A rise from one entry to the next that offers the warning-sign check (rule book v2). */
	public static final int PAIN_RISE = 3;

	/** How far back the entry a rise is measured from may be. */
	public static final int RISE_DAYS = 7;

	/** The longest note the diary keeps. */
	public static final int MAX_NOTE = 500;

	private final JdbcClient jdbc;

	DiaryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Keeps the day's entry, replacing one she made earlier that day. */
	public void save(UUID member, Entry entry, Instant now) {
		String pain = entry.pain()
			.entrySet()
			.stream()
			.map(area -> area.getKey().name() + ":" + area.getValue())
			.collect(Collectors.joining(","));
		int updated = jdbc.sql("""
				UPDATE pain_diary SET pain = ?, sleep_disturbed = ?, note = ?, recorded_at = ?
				WHERE member_id = ? AND entry_date = ?""")
			.params(pain, entry.sleepDisturbed(), entry.note(), now.atOffset(ZoneOffset.UTC), member, entry.day())
			.update();
		if (updated == 0) {
			try {
				jdbc.sql("""
						INSERT INTO pain_diary (member_id, entry_date, pain, sleep_disturbed, note, recorded_at)
						VALUES (?, ?, ?, ?, ?, ?)""")
					.params(member, entry.day(), pain, entry.sleepDisturbed(), entry.note(), now.atOffset(ZoneOffset.UTC))
					.update();
			}
			catch (org.springframework.dao.DuplicateKeyException savedAtTheSameMoment) {
				// Two saves of the same day at once (two tabs): the later one wins, as it would one after the other.
				save(member, entry, now);
			}
		}
	}

	public Optional<Entry> on(UUID member, LocalDate day) {
		return jdbc.sql("SELECT * FROM pain_diary WHERE member_id = ? AND entry_date = ?")
			.params(member, day)
			.query((rs, row) -> entry(rs))
			.optional();
	}

	/**
	 * Her latest entry in the week before {@code day}, to see whether pain rose: an older one says nothing about a
	 * quick rise.
	 */
	public Optional<Entry> before(UUID member, LocalDate day) {
		return jdbc.sql("SELECT * FROM pain_diary WHERE member_id = ? AND entry_date < ? AND entry_date >= ? "
				+ "ORDER BY entry_date DESC LIMIT 1")
			.params(member, day, day.minusDays(RISE_DAYS))
			.query((rs, row) -> entry(rs))
			.optional();
	}

	/** Entries from {@code from} to {@code to}, both included, oldest first. */
	public List<Entry> between(UUID member, LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT * FROM pain_diary WHERE member_id = ? AND entry_date BETWEEN ? AND ? ORDER BY entry_date")
			.params(member, from, to)
			.query((rs, row) -> entry(rs))
			.list();
	}

	public void delete(UUID member, LocalDate day) {
		jdbc.sql("DELETE FROM pain_diary WHERE member_id = ? AND entry_date = ?").params(member, day).update();
	}

	private static Entry entry(ResultSet rs) throws SQLException {
		var pain = new EnumMap<PainArea, Integer>(PainArea.class);
		String stored = rs.getString("pain");
		if (!stored.isEmpty()) {
			for (String pair : stored.split(",")) {
				String[] parts = pair.split(":");
				pain.put(PainArea.valueOf(parts[0]), Integer.valueOf(parts[1]));
			}
		}
		return new Entry(rs.getObject("entry_date", LocalDate.class), pain, rs.getBoolean("sleep_disturbed"),
				rs.getString("note"));
	}

	@Override
	public String name() {
		return "pain-diary";
	}

	@Override
	public List<Map<String, Object>> rowsOf(UUID memberId) {
		return jdbc.sql("SELECT entry_date, pain, sleep_disturbed, note, recorded_at FROM pain_diary WHERE member_id = ? ORDER BY entry_date")
			.param(memberId)
			.query((rs, row) -> Rows.exported(rs))
			.list();
	}

}
