package org.carrywell.newsletter.internal;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * A token bucket per key (a client address, an e-mail address): {@code capacity} actions, refilled gradually
 * over {@code period}. Buckets idle for a whole period are forgotten, so memory stays bounded by the number of
 * keys seen in one period (and by a hard cap against floods of distinct keys).
 */
public final class RateLimiter {

	private static final long MAX_KEYS = 100_000;

	private final Cache<String, Bucket> buckets;

	private final Bandwidth limit;

	public RateLimiter(int capacity, Duration period) {
		this.limit = Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
		this.buckets = Caffeine.newBuilder().expireAfterAccess(period).maximumSize(MAX_KEYS).build();
	}

	/** Takes one token for {@code key}; false when its bucket is empty. */
	public boolean tryAcquire(String key) {
		return buckets.get(key, unused -> Bucket.builder().addLimit(limit).build()).tryConsume(1);
	}

	/** How long until {@code key} may act again (zero when it may now). */
	public Duration retryAfter(String key) {
		Bucket bucket = buckets.getIfPresent(key);
		if (bucket == null) {
			return Duration.ZERO;
		}
		return Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
	}

}
