package org.carrywell.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Single-use links. The token is 32 random bytes, sent once in an e-mail; only its SHA-256 is stored, so a copy
 * of the database opens nothing. Using a token marks it used in the same statement that checks it, so two clicks
 * at once cannot both succeed.
 */
public class AccountTokens {

	public enum Purpose {

		VERIFY, RESET

	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	public AccountTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A link's token as stored: whose it is, and (for a verification link) the password it was sent with. */
	public record Stored(UUID member, @Nullable String passwordHash) {
	}

	/**
	 * A new reset token; earlier unused ones stop working, so only the newest reset link opens.
	 */
	public String issueReset(UUID member, Duration validity, Instant now) {
		jdbc.sql("DELETE FROM member_token WHERE member_id = ? AND purpose = ?").params(member, Purpose.RESET.name())
			.update();
		return insert(member, Purpose.RESET, null, validity, now);
	}

	/**
	 * A new verification token carrying the password hash of the registration that asked for it. Earlier links
	 * keep working, each with its own password: registering an address again cannot take over the first link.
	 */
	public String issueVerification(UUID member, String passwordHash, Duration validity, Instant now) {
		return insert(member, Purpose.VERIFY, passwordHash, validity, now);
	}

	private String insert(UUID member, Purpose purpose, @Nullable String passwordHash, Duration validity, Instant now) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("""
				INSERT INTO member_token (token_hash, member_id, purpose, password_hash, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(hash(token), member, purpose.name(), passwordHash, MemberStore.utc(now),
					MemberStore.utc(now.plus(validity)))
			.update();
		return token;
	}

	/** The token when it is of this purpose, unused and unexpired; it stays unused. */
	public Optional<Stored> find(String token, Purpose purpose, Instant now) {
		if (token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT member_id, password_hash FROM member_token
				WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?""")
			.params(hash(token), purpose.name(), MemberStore.utc(now))
			.query((rs, row) -> new Stored(rs.getObject("member_id", UUID.class), rs.getString("password_hash")))
			.optional();
	}

	/** Every other unused link of this purpose stops working (a verified address needs no more links). */
	public void revokeAll(UUID member, Purpose purpose) {
		jdbc.sql("DELETE FROM member_token WHERE member_id = ? AND purpose = ? AND used_at IS NULL")
			.params(member, purpose.name())
			.update();
	}

	/** The member the token belongs to, when it is of this purpose, unused and unexpired; it is used up by this. */
	public Optional<UUID> use(String token, Purpose purpose, Instant now) {
		if (token.length() > 100) {
			return Optional.empty();
		}
		String hash = hash(token);
		Optional<UUID> member = jdbc.sql("""
				SELECT member_id FROM member_token
				WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?""")
			.params(hash, purpose.name(), MemberStore.utc(now))
			.query(UUID.class)
			.optional();
		if (member.isEmpty() || !claimHash(hash, now)) {
			return Optional.empty();
		}
		return member;
	}

	/** Marks a token used; true for exactly one caller however many use it at once. */
	public boolean claim(String token, Instant now) {
		return claimHash(hash(token), now);
	}

	private boolean claimHash(String hash, Instant now) {
		int claimed = jdbc.sql("UPDATE member_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
			.params(MemberStore.utc(now), hash)
			.update();
		return claimed == 1;
	}

	/** Whether the token would still open (for showing a form before using it). */
	public boolean valid(String token, Purpose purpose, Instant now) {
		return token.length() <= 100 && jdbc.sql("""
				SELECT COUNT(*) FROM member_token
				WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?""")
			.params(hash(token), purpose.name(), MemberStore.utc(now))
			.query(Integer.class)
			.single() == 1;
	}

	public int deleteExpired(Instant now) {
		return jdbc.sql("DELETE FROM member_token WHERE expires_at < ? OR used_at IS NOT NULL")
			.param(MemberStore.utc(now))
			.update();
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

}
