package org.carrywell.sharing.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret in a share link or a calendar address: 32 random bytes, given to her once; only their SHA-256 is
 * stored, so a copy of the database opens nothing. 256 bits cannot be guessed, so a lookup needs no throttle.
 */
final class SecretTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Longer than any token we make: anything longer is not ours, and is not hashed. */
	static final int MAX_LENGTH = 64;

	/** The column that holds a token's hash: it opens nothing, but it is nobody's to read, so her export leaves it out. */
	static final java.util.Set<String> HASH_COLUMN = java.util.Set.of("token_hash");

	private SecretTokens() {
	}

	static String next() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException everyJavaHasIt) {
			throw new IllegalStateException(everyJavaHasIt);
		}
	}

	static boolean plausible(String token) {
		return !token.isEmpty() && token.length() <= MAX_LENGTH;
	}

}
