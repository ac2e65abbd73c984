package org.carrywell.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where every rate limit counts its attempts: the {@code rate_limit_count} table, so that all app nodes on one
 * database count the same attempts and a limit holds for the whole site. Makes the limiters
 * ({@link #limiter}); each count runs in a transaction of its own, so an attempt counts even when the request's
 * own work is rolled back. Keys are stored as an HMAC with a key of the site's, so the table alone names no address
 * or network; rows are forgotten once their window no longer counts. Callers count outside their own transactions
 * (filters, sign-in checks), so a request holds one connection at a time.
 */
@Component
public class RateLimits {

	private static final String HASH_KEY = "rate-limit-key";

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	/** Made at start-up, so that no request's handling writes the key (a refused request stores nothing). */
	private final SecretKeySpec hashKey;

	RateLimits(JdbcClient jdbc, PlatformTransactionManager transactions, AppSecrets secrets, Clock clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.hashKey = new SecretKeySpec(secrets.key(HASH_KEY), "HmacSHA256");
		this.clock = clock;
	}

	/**
	 * A limit of {@code capacity} attempts per key in any {@code period}.
	 * @param name the limit's own name (at most 40 characters), the same on every node
	 */
	public RateLimiter limiter(String name, int capacity, Duration period) {
		if (name.length() > 40) {
			throw new IllegalArgumentException("A limit's name has at most 40 characters: " + name);
		}
		return new RateLimiter(name, capacity, period, this);
	}

	long nowMillis() {
		return clock.millis();
	}

	/** The attempts counted for a key in one window (0 when none). */
	int hits(String limiter, String keyHash, long window) {
		return jdbc.sql("SELECT hits FROM rate_limit_count WHERE limiter = ? AND key_hash = ? AND window_index = ?")
			.params(limiter, keyHash, window)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/** Counts one attempt in the window if it has fewer than {@code below} so far; whether it was counted. */
	boolean countIfBelow(String limiter, String keyHash, long window, int below, long forgetAfterSeconds) {
		Boolean counted;
		try {
			counted = ownTransaction.execute(status -> {
				if (increment(limiter, keyHash, window, below)) {
					return true;
				}
				if (hits(limiter, keyHash, window) > 0) {
					return false;
				}
				jdbc.sql("INSERT INTO rate_limit_count (limiter, key_hash, window_index, hits, forget_after) "
						+ "VALUES (?, ?, ?, 1, ?)")
					.params(limiter, keyHash, window, forgetAfterSeconds)
					.update();
				return true;
			});
		}
		catch (DuplicateKeyException anotherNodeWasFirst) {
			// That transaction is rolled back (PostgreSQL ends it anyway); count against the other node's row.
			counted = ownTransaction.execute(status -> increment(limiter, keyHash, window, below));
		}
		return Boolean.TRUE.equals(counted);
	}

	private boolean increment(String limiter, String keyHash, long window, int below) {
		return jdbc.sql("UPDATE rate_limit_count SET hits = hits + 1 "
				+ "WHERE limiter = ? AND key_hash = ? AND window_index = ? AND hits < ?")
			.params(limiter, keyHash, window, below)
			.update() == 1;
	}

	/**
	 * The key as stored: HMAC-SHA-256, with the site's own key, of the limit's name and the key, so that rows of two
	 * limits cannot be matched up and the table alone names nobody. (With the site's key, kept in the same database,
	 * a known address or network could be tested against it; the rows are gone once their windows are past.)
	 */
	String hash(String limiter, String key) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(hashKey);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal((limiter + '\u0000' + key).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException missing) {
			throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", missing);
		}
	}

	/** Hourly, on one node: forgets the windows that no longer count. Not final: the lock is a proxy. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
	@SchedulerLock(name = "rate-limits-forget", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
	public void forgetPastWindows() {
		jdbc.sql("DELETE FROM rate_limit_count WHERE forget_after < ?").params(clock.millis() / 1000).update();
	}

}
