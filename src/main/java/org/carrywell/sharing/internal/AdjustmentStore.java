package org.carrywell.sharing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import org.carrywell.accounts.MemberData;
import org.carrywell.catalogue.ExerciseId;
import org.carrywell.plans.ProviderAdvice;
import org.carrywell.system.Rows;

/**
 * What her providers changed in her plan, and the notes they left her. It is her plan's advice
 * ({@link ProviderAdvice}) until she undoes an item; undone items stay for her history and export.
 */
@Component
public class AdjustmentStore implements ProviderAdvice, MemberData {

	public static final int MAX_MESSAGE = 1000;

	/** At most this many changes in force through one link: each is read whenever her plan is made. */
	public static final int MAX_ACTIVE_PER_LINK = 20;

	/** Who undid a change: she, or the provider who made it (withdrawn through their link). */
	public enum UndoneBy {

		HER, PROVIDER

	}

	/** One item, with whether (and when, and by whom) it was undone. */
	public record Item(ProviderAdvice.Adjustment adjustment, @Nullable UUID share, @Nullable Instant undoneAt,
			@Nullable UndoneBy undoneBy) {

		public boolean active() {
			return undoneAt == null;
		}

	}

	private final JdbcClient jdbc;

	AdjustmentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long add(UUID member, @Nullable UUID share, String providerName, Kind kind, @Nullable ExerciseId exercise,
			@Nullable Integer minutes, String message, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO provider_adjustment (member_id, share_id, provider_name, kind, exercise_id, minutes, message,
				                                 made_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(member, share, providerName, kind.name(), exercise == null ? null : exercise.value(), minutes,
					message, Rows.utc(now))
			.update(keys, "id");
		return Objects.requireNonNull(keys.getKey(), "generated id").longValue();
	}

	@Override
	public Advice of(UUID member) {
		return new Advice(jdbc.sql("""
				SELECT * FROM provider_adjustment WHERE member_id = ? AND undone_at IS NULL ORDER BY made_at, id""")
			.param(member)
			.query((rs, row) -> adjustment(rs))
			.list());
	}

	/** Everything her providers did, the newest first, undone items too. */
	public List<Item> history(UUID member) {
		return jdbc.sql("SELECT * FROM provider_adjustment WHERE member_id = ? ORDER BY made_at DESC, id DESC")
			.param(member)
			.query((rs, row) -> new Item(adjustment(rs), rs.getObject("share_id", UUID.class), Rows.instantOrNull(rs, "undone_at"),
					rs.getString("undone_by") == null ? null : UndoneBy.valueOf(rs.getString("undone_by"))))
			.list();
	}

	/** What was made through one link, the newest first. */
	public List<Item> throughShare(UUID member, UUID share) {
		return history(member).stream().filter(item -> share.equals(item.share())).toList();
	}

	/** She undoes one item; empty when it is not hers or was undone already. */
	public Optional<ProviderAdvice.Adjustment> undo(UUID member, long id, Instant now) {
		return undo(member, null, id, UndoneBy.HER, now);
	}

	/** The provider withdraws a change they made through their link; empty when it is not one of theirs in force. */
	public Optional<ProviderAdvice.Adjustment> withdraw(UUID member, UUID share, long id, Instant now) {
		return undo(member, share, id, UndoneBy.PROVIDER, now);
	}

	/** She ends a link and undoes everything made through it; how many changes that undid. */
	public int undoThroughShare(UUID member, UUID share, Instant now) {
		return jdbc.sql("""
				UPDATE provider_adjustment SET undone_at = ?, undone_by = 'HER'
				WHERE member_id = ? AND share_id = ? AND undone_at IS NULL""")
			.params(Rows.utc(now), member, share)
			.update();
	}

	/** How many changes made through one link are in force. */
	public int activeThroughShare(UUID member, UUID share) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM provider_adjustment WHERE member_id = ? AND share_id = ? AND undone_at IS NULL""")
			.params(member, share)
			.query(Integer.class)
			.single();
	}

	private Optional<ProviderAdvice.Adjustment> undo(UUID member, @Nullable UUID share, long id, UndoneBy by,
			Instant now) {
		// A provider reaches only what was made through their own link; she reaches all of hers.
		String throughLink = share == null ? "" : " AND share_id = ?";
		List<Object> parameters = share == null ? List.of(id, member) : List.of(id, member, share);
		Optional<ProviderAdvice.Adjustment> found = jdbc
			.sql("SELECT * FROM provider_adjustment WHERE id = ? AND member_id = ? AND undone_at IS NULL" + throughLink)
			.params(parameters)
			.query((rs, row) -> adjustment(rs))
			.optional();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		int undone = jdbc.sql("""
				UPDATE provider_adjustment SET undone_at = ?, undone_by = ?
				WHERE id = ? AND member_id = ? AND undone_at IS NULL""")
			.params(Rows.utc(now), by.name(), id, member)
			.update();
		return undone == 1 ? found : Optional.empty();
	}

	private static ProviderAdvice.Adjustment adjustment(ResultSet rs) throws SQLException {
		String exercise = rs.getString("exercise_id");
		int minutes = rs.getInt("minutes");
		Integer cap = rs.wasNull() ? null : minutes;
		return new ProviderAdvice.Adjustment(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
				rs.getString("provider_name"), exercise == null ? null : new ExerciseId(exercise), cap,
				rs.getString("message"), Rows.instant(rs, "made_at"));
	}

	@Override
	public String name() {
		return "provider-adjustments";
	}

	@Override
	public List<Map<String, Object>> rowsOf(UUID memberId) {
		return jdbc.sql("SELECT * FROM provider_adjustment WHERE member_id = ? ORDER BY made_at, id")
			.param(memberId)
			.query((rs, row) -> Rows.exported(rs))
			.list();
	}

}
