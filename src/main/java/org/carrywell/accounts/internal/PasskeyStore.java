package org.carrywell.accounts.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A member's passkeys as she sees them, read from Spring Security's WebAuthn tables, where a passkey's user entity
 * is named by her address. Spring Security's repositories write these tables; this reads them by member, which
 * those repositories cannot, and removes them all when she erases her account.
 */
public class PasskeyStore {

	/** One passkey: its credential id (base64url, as stored), the name she gave it, and when it was added. */
	public record Passkey(String id, String label, @Nullable Instant created) {
	}

	private final JdbcClient jdbc;

	public PasskeyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Passkey> of(String email) {
		return jdbc.sql("""
				SELECT c.credential_id, c.label, c.created FROM user_credentials c
				JOIN user_entities u ON c.user_entity_user_id = u.id WHERE u.name = ? ORDER BY c.created""")
			.param(email)
			.query((rs, row) -> new Passkey(rs.getString("credential_id"), rs.getString("label"),
					rs.getTimestamp("created") == null ? null : rs.getTimestamp("created").toInstant()))
			.list();
	}

	/** Her passkey with this id; empty when it is someone else's or does not exist. */
	public Optional<Passkey> find(String email, String id) {
		return of(email).stream().filter(passkey -> passkey.id().equals(id)).findFirst();
	}

	/** Every passkey row for the export: name, when added, when last used, how it connects. */
	public List<Map<String, Object>> exportRows(MemberStore members, java.util.UUID memberId) {
		return members.rows("""
				SELECT c.label, c.created, c.last_used, c.authenticator_transports FROM user_credentials c
				JOIN user_entities u ON c.user_entity_user_id = u.id JOIN member m ON u.name = m.email
				WHERE m.id = ? ORDER BY c.created""", memberId);
	}

	/** Removes her passkeys and their user entity (erasing her account). */
	public void deleteAll(String email) {
		for (String entity : jdbc.sql("SELECT id FROM user_entities WHERE name = ?").param(email).query(String.class).list()) {
			jdbc.sql("DELETE FROM user_credentials WHERE user_entity_user_id = ?").param(entity).update();
			jdbc.sql("DELETE FROM user_entities WHERE id = ?").param(entity).update();
		}
	}

}
