package org.carrywell.newsletter.internal;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * A token bucket per key (a client network, an e-mail address): {@code capacity} actions, refilled gradually
 * over {@code period}. Buckets idle for a whole period are forgotten, so memory stays bounded by the number of
 * keys seen in one period. A flood of distinct keys cannot push a key's bucket out to give it a fresh one: once
 * {@link #MAX_KEYS} keys are held, a new key is refused until old ones have been idle for a period.
 */
public final class RateLimiter {

	static final long MAX_KEYS = 100_000;

	private final Cache<String, Bucket> buckets;

	private final Bandwidth limit;

	public RateLimiter(int capacity, Duration period) {
		this.limit = Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
		this.buckets = Caffeine.newBuilder().expireAfterAccess(period).build();
	}

	/** Takes one token for {@code key}; false when its bucket is empty, or when no new key can be held now. */
	public boolean tryAcquire(String key) {
		Bucket bucket = buckets.getIfPresent(key);
		if (bucket == null) {
			if (buckets.estimatedSize() >= MAX_KEYS) {
				buckets.cleanUp();
				if (buckets.estimatedSize() >= MAX_KEYS) {
					return false;
				}
			}
			bucket = buckets.get(key, unused -> Bucket.builder().addLimit(limit).build());
		}
		return bucket.tryConsume(1);
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
