package org.carrywell.system;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * About {@code capacity} attempts per key (a client network, an e-mail address) in any {@code period}, counted in
 * the database ({@link RateLimits}) so that the limit holds across every app node. The count is a sliding window:
 * this window's attempts plus the last window's, weighted by how much of it still lies within one period of now, as
 * if its attempts had been spread over it. A key is freed gradually rather than all at once when a fixed window
 * turns. The approximation's bounds: attempts bunched at the end of a window let through at most twice the capacity
 * in a period's time, and a key that used its whole limit at the start of a window waits up to two periods
 * ({@link #retryAfter} says how long).
 * <p>
 * A key refused here is remembered on this node until its wait is over, so that a flood of refused attempts costs
 * the database nothing: counts only grow within a window, so no other node can free it sooner.
 */
public final class RateLimiter {

	/** Keys remembered as refused, at most; past it the least recent are forgotten and asked of the database again. */
	static final long MAX_REMEMBERED = 100_000;

	private final String name;

	private final int capacity;

	private final long periodMillis;

	private final RateLimits counts;

	/** Key → the time (epoch milliseconds) its wait ends. */
	private final Cache<String, Long> refusedUntil;

	RateLimiter(String name, int capacity, Duration period, RateLimits counts) {
		if (capacity < 1 || period.toMillis() < 1000) {
			throw new IllegalArgumentException("A limit needs a capacity of 1 or more and a period of a second or more");
		}
		this.name = name;
		this.capacity = capacity;
		this.periodMillis = period.toMillis();
		this.counts = counts;
		this.refusedUntil = Caffeine.newBuilder()
			.maximumSize(MAX_REMEMBERED)
			.expireAfterWrite(2 * periodMillis, TimeUnit.MILLISECONDS)
			.build();
	}

	/** Counts one attempt for {@code key}; false (and nothing counted) when the key is at its limit. */
	public boolean tryAcquire(String key) {
		long now = counts.nowMillis();
		if (stillRefused(key, now)) {
			return false;
		}
		long window = now / periodMillis;
		long intoWindow = now % periodMillis;
		String hash = counts.hash(name, key);
		long previous = counts.hits(name, hash, window - 1);
		// With this window's count c, the attempt fits when previous × (P − r) + (c + 1) × P ≤ capacity × P: every
		// count below this bound may take one more.
		long below = Math.floorDiv(capacity * periodMillis - previous * (periodMillis - intoWindow), periodMillis);
		if (below > 0 && counts.countIfBelow(name, hash, window, (int) below, (window + 2) * periodMillis / 1000)) {
			return true;
		}
		refusedUntil.put(key, now + waitMillis(previous, counts.hits(name, hash, window), intoWindow));
		return false;
	}

	/** How long until {@code key} may make its next attempt (zero when it may now). */
	public Duration retryAfter(String key) {
		long now = counts.nowMillis();
		Long until = refusedUntil.getIfPresent(key);
		long wait;
		if (until != null && until > now) {
			wait = until - now;
		}
		else {
			long window = now / periodMillis;
			String hash = counts.hash(name, key);
			wait = waitMillis(counts.hits(name, hash, window - 1), counts.hits(name, hash, window), now % periodMillis);
		}
		return wait == 0 ? Duration.ZERO : Duration.ofSeconds(Math.max(1, ceilDiv(wait, 1000)));
	}

	private boolean stillRefused(String key, long now) {
		Long until = refusedUntil.getIfPresent(key);
		return until != null && until > now;
	}

	/**
	 * Milliseconds until one more attempt fits, in whole numbers so that no rounding can name a wait too short:
	 * zero when it fits now; else, when this window is full, its end and then until enough of it has slid out; else
	 * until enough of the last window has slid out.
	 */
	private long waitMillis(long previous, long current, long intoWindow) {
		long p = periodMillis;
		if (previous * (p - intoWindow) + (current + 1) * p <= capacity * p) {
			return 0;
		}
		if (current + 1 > capacity) {
			return (p - intoWindow) + ceilDiv(p * (current - capacity + 1), current);
		}
		return ceilDiv(p * (previous - (capacity - 1 - current)), previous) - intoWindow;
	}

	/** Java 17 has no Math.ceilDiv; both are positive here. */
	private static long ceilDiv(long dividend, long divisor) {
		return -Math.floorDiv(-dividend, divisor);
	}

}
