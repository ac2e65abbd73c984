package org.carrywell.sharing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.carrywell.accounts.MemberData;
import org.carrywell.system.Rows;

/**
 * The links she gives out. A link is its token; the table holds only the token's hash, so the link is shown to
 * her once, when she makes it. An expired or revoked link is kept (she sees it in her list, and its opener is told
 * plainly that it has ended) until she erases her account.
 */
@Component
public class ShareStore implements MemberData {

	/** A link lasts 30 days unless she chooses otherwise, and never more than 90. */
	public static final int DEFAULT_DAYS = 30;

	public static final int MAX_DAYS = 90;

	public static final int MAX_NAME = 80;

	/**
	 * @param mayAdjust whether the person may change her plan, or only view it
	 * @param showsNotes whether her own notes (diary, sessions) are in the view
	 */
	public record Share(UUID id, UUID member, String providerName, boolean mayAdjust, boolean showsNotes,
			Instant createdAt, Instant expiresAt, @Nullable Instant revokedAt, @Nullable Instant lastOpenedAt,
			int timesOpened) {

		public Share {
			Objects.requireNonNull(providerName, "providerName");
		}

		public boolean activeAt(Instant now) {
			return revokedAt == null && now.isBefore(expiresAt);
		}

	}

	/** A new link: the share, and its token (shown to her once, never stored). */
	public record Created(Share share, String token) {
	}

	/** What a token opens: a share that is active, one that has ended (expired or revoked), or nothing. */
	public sealed interface Lookup {

		record Open(Share share) implements Lookup {
		}

		record Ended(Share share) implements Lookup {
		}

		record Unknown() implements Lookup {
		}

	}

	private final JdbcClient jdbc;

	ShareStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Created create(UUID member, String providerName, boolean mayAdjust, boolean showsNotes, Duration validity,
			Instant now) {
		String token = SecretTokens.next();
		var share = new Share(UUID.randomUUID(), member, providerName, mayAdjust, showsNotes, now, now.plus(validity),
				null, null, 0);
		jdbc.sql("""
				INSERT INTO provider_share (id, member_id, token_hash, provider_name, may_adjust, shows_notes, created_at,
				                            expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(share.id(), member, SecretTokens.hash(token), providerName, mayAdjust, showsNotes, Rows.utc(now),
					Rows.utc(share.expiresAt()))
			.update();
		return new Created(share, token);
	}

	/** Her links, the newest first. */
	public List<Share> of(UUID member) {
		return jdbc.sql("SELECT * FROM provider_share WHERE member_id = ? ORDER BY created_at DESC, id")
			.param(member)
			.query((rs, row) -> share(rs))
			.list();
	}

	public Lookup lookup(String token, Instant now) {
		if (!SecretTokens.plausible(token)) {
			return new Lookup.Unknown();
		}
		return jdbc.sql("SELECT * FROM provider_share WHERE token_hash = ?")
			.param(SecretTokens.hash(token))
			.query((rs, row) -> share(rs))
			.optional()
			.<Lookup>map(share -> share.activeAt(now) ? new Lookup.Open(share) : new Lookup.Ended(share))
			.orElseGet(Lookup.Unknown::new);
	}

	/** Her activity log takes at most one entry an hour from a link; the link counts every opening itself. */
	public static final Duration LOGGED_AT_MOST_EVERY = Duration.ofHours(1);

	/** Counts an opening of the link. */
	public void opened(Share share, Instant now) {
		jdbc.sql("UPDATE provider_share SET last_opened_at = ?, times_opened = times_opened + 1 WHERE id = ?")
			.params(Rows.utc(now), share.id())
			.update();
	}

	/** What is done through a link, for her activity log. */
	public enum Doing {

		OPENING("opening_logged_at"), CHANGE("change_logged_at");

		private final String column;

		Doing(String column) {
			this.column = column;
		}

	}

	/**
	 * Whether an opening (or a change) just made through a link goes into her activity log: true for the first in
	 * an hour, for one caller only however many ask at once. Anyone holding a link could otherwise push her sign-ins
	 * out of the log by opening it, or changing and withdrawing, again and again.
	 */
	public boolean worthLogging(Share share, Doing doing, Instant now) {
		return jdbc.sql("UPDATE provider_share SET " + doing.column + " = ? WHERE id = ? AND (" + doing.column
				+ " IS NULL OR " + doing.column + " <= ?)")
			.params(Rows.utc(now), share.id(), Rows.utc(now.minus(LOGGED_AT_MOST_EVERY)))
			.update() == 1;
	}

	/** Ends every link of hers still open; the ones it ended. */
	public List<Share> revokeAll(UUID member, Instant now) {
		List<Share> open = of(member).stream().filter(share -> share.activeAt(now)).toList();
		open.forEach(share -> revoke(member, share.id(), now));
		return open;
	}

	/** Ends one of her links at once; empty when it is not hers or had ended already. */
	public Optional<Share> revoke(UUID member, UUID share, Instant now) {
		Optional<Share> found = jdbc.sql("SELECT * FROM provider_share WHERE id = ? AND member_id = ?")
			.params(share, member)
			.query((rs, row) -> share(rs))
			.optional();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		// A link already past its day stays "expired": ending it again would rewrite its history.
		int ended = jdbc.sql("""
				UPDATE provider_share SET revoked_at = ?
				WHERE id = ? AND member_id = ? AND revoked_at IS NULL AND expires_at > ?""")
			.params(Rows.utc(now), share, member, Rows.utc(now))
			.update();
		return ended == 1 ? found : Optional.empty();
	}

	private static Share share(ResultSet rs) throws SQLException {
		return new Share(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class),
				rs.getString("provider_name"), rs.getBoolean("may_adjust"), rs.getBoolean("shows_notes"),
				Rows.instant(rs, "created_at"), Rows.instant(rs, "expires_at"),
				Rows.instantOrNull(rs, "revoked_at"), Rows.instantOrNull(rs, "last_opened_at"), rs.getInt("times_opened"));
	}

	@Override
	public String name() {
		return "provider-shares";
	}

	@Override
	public List<Map<String, Object>> rowsOf(UUID memberId) {
		return jdbc.sql("SELECT * FROM provider_share WHERE member_id = ? ORDER BY created_at, id")
			.param(memberId)
			.query((rs, row) -> Rows.exported(rs, SecretTokens.HASH_COLUMN))
			.list();
	}

}
