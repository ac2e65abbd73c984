package org.carrywell.accounts.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;

import com.nulabinc.zxcvbn.StandardDictionaries;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The password rules and the hash (docs/adr/0009-accounts.md). Argon2id with OWASP's first recommended setting:
 * 19 MiB of memory, 2 passes, 1 lane, a 16-byte salt and a 32-byte hash. Each check holds 19 MiB for a few tens of
 * milliseconds, so at most {@link #CONCURRENT_HASHES} run at once: a burst of sign-ins waits rather than exhausting
 * the heap.
 */
public final class Passwords {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 128;

	static final int CONCURRENT_HASHES = 4;

	private static final Argon2PasswordEncoder ENCODER = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);

	/**
	 * Compared with a wrong password when there is no account, so that both take the same time. Made on first
	 * need, not at start-up, where a profile of a cold start found 7 % of it spent on this one hash.
	 */
	private static final class Decoy {

		static final String HASH = ENCODER.encode("no account has this password, it only takes time");

	}

	private final Set<String> common;

	private final Semaphore hashing = new Semaphore(CONCURRENT_HASHES, true);

	public Passwords(Set<String> common) {
		this.common = Set.copyOf(common);
	}

	/**
	 * With the common-password list of zxcvbn (zxcvbn4j, from Maven Central): the 30,000 passwords seen most often
	 * in leaks, in lower case. Read once at start-up; without it the application does not start.
	 */
	public static Passwords withCommonList() {
		try {
			return new Passwords(Set.copyOf(StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies()));
		}
		catch (IOException missing) {
			throw new UncheckedIOException("zxcvbn's common-password list could not be read", missing);
		}
	}

	/**
	 * What is wrong with a new password, as a message key, or empty when it will do. Length is counted in
	 * characters as she sees them (code points); anything else is allowed, spaces and emoji included.
	 */
	public Optional<String> problem(String password, String email) {
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return Optional.of("account.password.short");
		}
		if (length > MAX_LENGTH) {
			return Optional.of("account.password.long");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (common.contains(lower) || common.contains(lower.replaceAll("[0-9!.]+$", ""))) {
			return Optional.of("account.password.common");
		}
		String localPart = email.contains("@") ? email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT) : "";
		if (lower.contains("carrywell") || (localPart.length() >= 4 && lower.contains(localPart))) {
			return Optional.of("account.password.guessable");
		}
		if (password.codePoints().distinct().count() < 4) {
			return Optional.of("account.password.repetitive");
		}
		return Optional.empty();
	}

	public String hash(String password) {
		return limited(() -> ENCODER.encode(password));
	}

	/** Checks a password against a hash, or against nothing at all (same cost) when there is no account. */
	public boolean matches(String password, Optional<String> hash) {
		return limited(() -> ENCODER.matches(password, hash.orElseGet(() -> Decoy.HASH)) && hash.isPresent());
	}

	public boolean needsRehash(String hash) {
		return ENCODER.upgradeEncoding(hash);
	}

	private <T> T limited(java.util.function.Supplier<T> work) {
		hashing.acquireUninterruptibly();
		try {
			return work.get();
		}
		finally {
			hashing.release();
		}
	}

}
