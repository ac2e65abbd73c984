package org.carrywell.system;

import java.time.Duration;

/**
 * About {@code capacity} attempts per key (a client network, an e-mail address) in any {@code period}, counted in
 * the database ({@link RateLimits}) so that the limit holds across every app node. The count is a sliding window:
 * this window's attempts plus the last window's, weighted by how much of it still lies within one period of now, as
 * if its attempts had been spread over it. A key is freed gradually rather than all at once when a fixed window
 * turns. The approximation's bounds: attempts bunched at the end of a window let through at most twice the capacity
 * in a period's time, and a key that used its whole limit at the start of a window waits up to two periods
 * ({@link #retryAfter} says how long).
 */
public final class RateLimiter {

	private final String name;

	private final int capacity;

	private final long periodMillis;

	private final RateLimits counts;

	RateLimiter(String name, int capacity, Duration period, RateLimits counts) {
		if (capacity < 1 || period.toMillis() < 1000) {
			throw new IllegalArgumentException("A limit needs a capacity of 1 or more and a period of a second or more");
		}
		this.name = name;
		this.capacity = capacity;
		this.periodMillis = period.toMillis();
		this.counts = counts;
	}

	/** Counts one attempt for {@code key}; false (and nothing counted) when the key is at its limit. */
	public boolean tryAcquire(String key) {
		long now = counts.nowMillis();
		long window = now / periodMillis;
		String hash = counts.hash(key);
		double stillCounted = counts.hits(name, hash, window - 1) * (1 - fractionElapsed(now));
		// The attempt may go ahead when this window's attempts, with it, and the weighted last window's fit.
		int below = (int) Math.floor(capacity - stillCounted);
		if (below <= 0) {
			return false;
		}
		long forgetAfterSeconds = (window + 2) * periodMillis / 1000;
		return counts.countIfBelow(name, hash, window, below, forgetAfterSeconds);
	}

	/** How long until {@code key} may make its next attempt (zero when it may now). */
	public Duration retryAfter(String key) {
		long now = counts.nowMillis();
		long window = now / periodMillis;
		String hash = counts.hash(key);
		int current = counts.hits(name, hash, window);
		int previous = counts.hits(name, hash, window - 1);
		double elapsed = fractionElapsed(now);
		if (previous * (1 - elapsed) + current + 1 <= capacity) {
			return Duration.ZERO;
		}
		double waitFraction;
		if (current + 1 > capacity) {
			// This window alone is full: wait for it to end, then for its weight to fall far enough.
			waitFraction = (1 - elapsed) + Math.max(0, 1 - (capacity - 1.0) / current);
		}
		else {
			// The last window's weight holds it back: wait until enough of it has slid out.
			waitFraction = Math.max(0, 1 - elapsed - (capacity - 1.0 - current) / previous);
		}
		// To the millisecond first, so that a fraction's rounding error cannot add a second.
		return Duration.ofSeconds(Math.max(1, (Math.round(waitFraction * periodMillis) + 999) / 1000));
	}

	private double fractionElapsed(long now) {
		return (now % periodMillis) / (double) periodMillis;
	}

}
