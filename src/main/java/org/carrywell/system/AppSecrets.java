package org.carrywell.system;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Named random keys, generated on first use and kept in the database ({@code app_secret}), so that whatever they
 * sign outlives a restart and any node of the application can check it.
 */
@Component
public class AppSecrets {

	private static final int KEY_BYTES = 32;

	private final JdbcClient jdbc;

	AppSecrets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The key of that name; the first caller on any node creates it, every other caller reads the same one. */
	public byte[] key(String name) {
		var stored = read(name);
		if (stored == null) {
			byte[] key = new byte[KEY_BYTES];
			new SecureRandom().nextBytes(key);
			try {
				jdbc.sql("INSERT INTO app_secret (name, secret) VALUES (?, ?)")
					.params(name, Base64.getEncoder().encodeToString(key))
					.update();
			}
			catch (DuplicateKeyException anotherNodeWasFirst) {
				// Read the winner's key below.
			}
			stored = read(name);
		}
		if (stored == null) {
			throw new IllegalStateException("The key " + name + " could not be stored");
		}
		return Base64.getDecoder().decode(stored);
	}

	private String read(String name) {
		return jdbc.sql("SELECT secret FROM app_secret WHERE name = ?").param(name).query(String.class).optional()
			.orElse(null);
	}

}
