package org.carrywell.sharing.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.carrywell.accounts.MemberData;
import org.carrywell.system.Rows;

/**
 * Her calendar subscription: one secret address at a time. Making a new one ends the old at once (a lost phone);
 * turning it off forgets it.
 */
@Component
public class CalendarFeeds implements MemberData {

	/** Her subscription as it stands (the address itself is not kept). */
	public record Feed(UUID member, LocalTime time, Instant createdAt, @Nullable Instant lastFetchedAt) {
	}

	private final JdbcClient jdbc;

	CalendarFeeds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new address for her calendar (the old one stops working); the token is shown to her once. */
	@Transactional
	public String renew(UUID member, LocalTime time, Instant now) {
		String token = SecretTokens.next();
		jdbc.sql("DELETE FROM calendar_feed WHERE member_id = ?").param(member).update();
		jdbc.sql("INSERT INTO calendar_feed (member_id, token_hash, local_time, created_at) VALUES (?, ?, ?, ?)")
			.params(member, SecretTokens.hash(token), time.toString(), Rows.utc(now))
			.update();
		return token;
	}

	public Optional<Feed> of(UUID member) {
		return jdbc.sql("SELECT * FROM calendar_feed WHERE member_id = ?")
			.param(member)
			.query((rs, row) -> new Feed(member, LocalTime.parse(rs.getString("local_time")),
					Rows.instant(rs, "created_at"), Rows.instantOrNull(rs, "last_fetched_at")))
			.optional();
	}

	/** Whose calendar a token opens, and records the fetch; empty for an address that was renewed or turned off. */
	public Optional<Feed> fetch(String token, Instant now) {
		if (!SecretTokens.plausible(token)) {
			return Optional.empty();
		}
		String hash = SecretTokens.hash(token);
		Optional<UUID> member = jdbc.sql("SELECT member_id FROM calendar_feed WHERE token_hash = ?")
			.param(hash)
			.query(UUID.class)
			.optional();
		member.ifPresent(found -> jdbc.sql("UPDATE calendar_feed SET last_fetched_at = ? WHERE token_hash = ?")
			.params(Rows.utc(now), hash)
			.update());
		return member.flatMap(this::of);
	}

	public boolean stop(UUID member) {
		return jdbc.sql("DELETE FROM calendar_feed WHERE member_id = ?").param(member).update() == 1;
	}

	@Override
	public String name() {
		return "calendar-feed";
	}

	@Override
	public List<Map<String, Object>> rowsOf(UUID memberId) {
		return jdbc.sql("SELECT * FROM calendar_feed WHERE member_id = ?")
			.param(memberId)
			.query((rs, row) -> Rows.exported(rs, SecretTokens.HASH_COLUMN))
			.list();
	}

}
