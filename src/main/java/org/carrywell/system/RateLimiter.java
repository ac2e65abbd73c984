package org.carrywell.system;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * A token bucket per key (a client network, an e-mail address): {@code capacity} actions, refilled gradually
 * over {@code period}. Buckets idle for a whole period are forgotten, so memory stays bounded by the number of
 * keys seen in one period. A flood of distinct keys cannot push a key's bucket out to give it a fresh one: once
 * {@link #MAX_KEYS} keys are held, a new key shares one of {@link #OVERFLOW_BUCKETS} buckets, chosen by its hash,
 * until old keys have been idle for a period. A flood then slows some newcomers down but locks nobody out.
 */
public final class RateLimiter {

	static final long MAX_KEYS = 100_000;

	static final int OVERFLOW_BUCKETS = 1024;

	private final Cache<String, Bucket> buckets;

	private final Bandwidth limit;

	public RateLimiter(int capacity, Duration period) {
		this.limit = Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
		this.buckets = Caffeine.newBuilder().expireAfterAccess(period).build();
	}

	/** Takes one token for {@code key}; false when its bucket is empty. */
	public boolean tryAcquire(String key) {
		return bucketOf(key).tryConsume(1);
	}

	private Bucket bucketOf(String key) {
		Bucket bucket = buckets.getIfPresent(key);
		if (bucket != null) {
			return bucket;
		}
		if (buckets.estimatedSize() >= MAX_KEYS) {
			buckets.cleanUp();
		}
		String held = buckets.estimatedSize() >= MAX_KEYS ? overflowKey(key) : key;
		return buckets.get(held, unused -> Bucket.builder().addLimit(limit).build());
	}

	private static String overflowKey(String key) {
		return "\u0000overflow-" + Math.floorMod(key.hashCode(), OVERFLOW_BUCKETS);
	}

	/** How long until {@code key} may act again (zero when it may now). */
	public Duration retryAfter(String key) {
		Bucket bucket = buckets.getIfPresent(key);
		if (bucket == null) {
			bucket = buckets.getIfPresent(overflowKey(key));
		}
		if (bucket == null) {
			return Duration.ZERO;
		}
		return Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
	}

}
