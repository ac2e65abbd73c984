package org.carrywell.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.carrywell.accounts.CheckRecord;
import org.carrywell.accounts.Clearance;
import org.carrywell.accounts.Profile;
import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.PainArea;
import org.carrywell.safety.Condition;
import org.carrywell.safety.PriorActivity;
import org.carrywell.safety.ScreeningOutcome;
import org.carrywell.safety.ScreeningQuestion;

/** Members, their profile and check, in plain SQL that runs on H2 and PostgreSQL alike. */
public class MemberStore {

	private final JdbcClient jdbc;

	public MemberStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Member member) {
		jdbc.sql("""
				INSERT INTO member (id, email, password_hash, created_at, verified_at, password_changed_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(member.id(), member.email(), member.passwordHash(), utc(member.createdAt()),
					member.verifiedAt() == null ? null : utc(member.verifiedAt()), utc(member.passwordChangedAt()))
			.update();
	}

	public Optional<Member> byEmail(String email) {
		return jdbc.sql("SELECT * FROM member WHERE email = ?").param(email).query(MemberStore::member).optional();
	}

	public Optional<Member> byId(UUID id) {
		return jdbc.sql("SELECT * FROM member WHERE id = ?").param(id).query(MemberStore::member).optional();
	}

	public void markVerified(UUID id, Instant at) {
		jdbc.sql("UPDATE member SET verified_at = ? WHERE id = ? AND verified_at IS NULL").params(utc(at), id).update();
	}

	public void changePassword(UUID id, String hash, Instant at) {
		jdbc.sql("UPDATE member SET password_hash = ?, password_changed_at = ? WHERE id = ?")
			.params(hash, utc(at), id)
			.update();
	}

	/** Accounts whose address was never verified, made before {@code before}: nobody can use them. */
	public int deleteUnverifiedBefore(Instant before) {
		return jdbc.sql("DELETE FROM member WHERE verified_at IS NULL AND created_at < ?").param(utc(before)).update();
	}

	/** Hard delete: every table about her refers to member(id) ON DELETE CASCADE. */
	public boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM member WHERE id = ?").param(id).update() == 1;
	}

	public Profile profile(UUID id) {
		return jdbc.sql("SELECT * FROM member_profile WHERE member_id = ?")
			.param(id)
			.query(MemberStore::profile)
			.optional()
			.orElseGet(Profile::empty);
	}

	public void saveProfile(UUID id, Profile profile, Instant at) {
		int updated = jdbc.sql("""
				UPDATE member_profile SET due_date = ?, conditions = ?, prior_activity = ?, equipment = ?, floor_ok = ?,
				pain = ?, minutes = ?, sessions_per_week = ?, updated_at = ? WHERE member_id = ?""")
			.params(profileValues(profile, at, id))
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO member_profile (due_date, conditions, prior_activity, equipment, floor_ok, pain, minutes,
					sessions_per_week, updated_at, member_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(profileValues(profile, at, id))
				.update();
		}
	}

	private static List<@Nullable Object> profileValues(Profile profile, Instant at, UUID id) {
		return Arrays.asList(profile.dueDate(), names(profile.conditions()),
				profile.priorActivity() == null ? null : profile.priorActivity().name(), names(profile.equipment()),
				profile.floor(), pairs(profile.pain()), profile.minutes(), profile.sessionsPerWeek(), utc(at), id);
	}

	public Optional<CheckRecord> check(UUID id) {
		return jdbc.sql("SELECT * FROM member_check WHERE member_id = ?").param(id).query(MemberStore::check).optional();
	}

	/**
	 * Keeps her check. A clearance belongs to the answers it was given for: it stays (with the day it was recorded)
	 * only when the answers are the same and the outcome still asks for one.
	 */
	public void saveCheck(UUID id, Map<ScreeningQuestion, Boolean> answers, LocalDate on, ScreeningOutcome outcome) {
		Optional<CheckRecord> before = check(id);
		boolean keepClearance = before.isPresent() && before.get().answers().equals(Map.copyOf(answers))
				&& outcome == ScreeningOutcome.CLEARANCE_NEEDED;
		if (before.isEmpty()) {
			jdbc.sql("INSERT INTO member_check (member_id, answers, checked_on, outcome) VALUES (?, ?, ?, ?)")
				.params(id, answers(answers), on, outcome.name())
				.update();
			return;
		}
		jdbc.sql("UPDATE member_check SET answers = ?, checked_on = ?, outcome = ? WHERE member_id = ?")
			.params(answers(answers), on, outcome.name(), id)
			.update();
		if (!keepClearance) {
			removeClearance(id);
		}
	}

	/**
	 * Records her provider's clearance with the outcome her check has today (her week moves on, and a condition in
	 * her profile counts): the caller has checked that it asks for a clearance.
	 */
	public boolean saveClearance(UUID id, Clearance clearance, ScreeningOutcome outcomeToday, Instant at) {
		return jdbc.sql("""
				UPDATE member_check SET outcome = ?, cleared_on = ?, cleared_by = ?, clearance_recorded_at = ?
				WHERE member_id = ?""")
			.params(outcomeToday.name(), clearance.clearedOn(), clearance.clearedBy(), utc(at), id)
			.update() == 1;
	}

	public void removeClearance(UUID id) {
		jdbc.sql("UPDATE member_check SET cleared_on = NULL, cleared_by = NULL, clearance_recorded_at = NULL "
				+ "WHERE member_id = ?").param(id).update();
	}

	/** The rows of one of her tables, for the export: every column, oldest first where there is an order. */
	public List<Map<String, Object>> rows(String sql, UUID id) {
		return jdbc.sql(sql).param(id).query((rs, row) -> {
			var values = new LinkedHashMap<String, Object>();
			var meta = rs.getMetaData();
			for (int column = 1; column <= meta.getColumnCount(); column++) {
				Object value = rs.getObject(column);
				values.put(meta.getColumnLabel(column).toLowerCase(java.util.Locale.ROOT), exportable(value));
			}
			return (Map<String, Object>) values;
		}).list();
	}

	private static Object exportable(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof java.sql.Timestamp timestamp) {
			return timestamp.toInstant().toString();
		}
		if (value instanceof OffsetDateTime time) {
			return time.toInstant().toString();
		}
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate().toString();
		}
		return value instanceof Number || value instanceof Boolean ? value : value.toString();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static Member member(ResultSet rs, int row) throws SQLException {
		return new Member(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"),
				instant(rs, "created_at"), instant(rs, "verified_at"), instant(rs, "password_changed_at"));
	}

	private static Profile profile(ResultSet rs, int row) throws SQLException {
		String prior = rs.getString("prior_activity");
		Object floor = rs.getObject("floor_ok");
		return new Profile(rs.getObject("due_date", LocalDate.class), enums(Condition.class, rs.getString("conditions")),
				constant(PriorActivity.class, prior), enums(Equipment.class, rs.getString("equipment")),
				floor == null ? null : (Boolean) floor, pain(rs.getString("pain")), rs.getInt("minutes"),
				rs.getInt("sessions_per_week"));
	}

	private static CheckRecord check(ResultSet rs, int row) throws SQLException {
		LocalDate clearedOn = rs.getObject("cleared_on", LocalDate.class);
		String clearedBy = rs.getString("cleared_by");
		var answers = new EnumMap<ScreeningQuestion, Boolean>(ScreeningQuestion.class);
		for (String pair : split(rs.getString("answers"))) {
			String[] parts = pair.split("=", 2);
			ScreeningQuestion question = constant(ScreeningQuestion.class, parts[0]);
			if (question != null) {
				answers.put(question, "yes".equals(parts[1]));
			}
		}
		return new CheckRecord(answers, rs.getObject("checked_on", LocalDate.class),
				ScreeningOutcome.valueOf(rs.getString("outcome")),
				clearedOn == null || clearedBy == null ? null : new Clearance(clearedOn, clearedBy));
	}

	static String answers(Map<ScreeningQuestion, Boolean> answers) {
		var sorted = new EnumMap<ScreeningQuestion, Boolean>(ScreeningQuestion.class);
		sorted.putAll(answers);
		return sorted.entrySet()
			.stream()
			.map(entry -> entry.getKey().name() + "=" + (entry.getValue() ? "yes" : "no"))
			.collect(Collectors.joining(","));
	}

	private static String names(Set<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	private static String pairs(Map<PainArea, Integer> pain) {
		var sorted = new EnumMap<PainArea, Integer>(PainArea.class);
		sorted.putAll(pain);
		return sorted.entrySet()
			.stream()
			.map(entry -> entry.getKey().name() + "=" + entry.getValue())
			.collect(Collectors.joining(","));
	}

	private static Map<PainArea, Integer> pain(String pairs) {
		var pain = new EnumMap<PainArea, Integer>(PainArea.class);
		for (String pair : split(pairs)) {
			String[] parts = pair.split("=", 2);
			PainArea area = constant(PainArea.class, parts[0]);
			if (area != null) {
				pain.put(area, Integer.valueOf(parts[1]));
			}
		}
		return pain;
	}

	private static <E extends Enum<E>> Set<E> enums(Class<E> type, String names) {
		var values = EnumSet.noneOf(type);
		for (String name : split(names)) {
			E value = constant(type, name);
			if (value != null) {
				values.add(value);
			}
		}
		return values;
	}

	/**
	 * A stored id read back; null for one the application no longer knows (a renamed condition, say), which is
	 * then simply not part of her context, rather than an error on every page she opens.
	 */
	private static <E extends Enum<E>> @Nullable E constant(Class<E> type, @Nullable String name) {
		if (name == null) {
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(name)) {
				return constant;
			}
		}
		return null;
	}

	private static List<String> split(@Nullable String list) {
		return list == null || list.isBlank() ? List.of() : List.of(list.split(","));
	}

}
