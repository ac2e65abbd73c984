package org.carrywell.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RateLimiterTests {

	@Test
	void aKeyOverItsLimitStaysOverIt() {
		var limiter = new RateLimiter(2, Duration.ofHours(1));
		assertThat(limiter.tryAcquire("a")).isTrue();
		assertThat(limiter.tryAcquire("a")).isTrue();
		assertThat(limiter.tryAcquire("a")).isFalse();
		assertThat(limiter.tryAcquire("b")).isTrue();
		assertThat(limiter.retryAfter("a")).isPositive();
	}

	@Test
	void aFloodOfOtherKeysCannotGiveAKeyAFreshBucket() {
		var limiter = new RateLimiter(1, Duration.ofHours(1));
		assertThat(limiter.tryAcquire("victim")).isTrue();
		for (long key = 0; key < RateLimiter.MAX_KEYS + 1_000; key++) {
			limiter.tryAcquire("flood-" + key);
		}
		assertThat(limiter.tryAcquire("victim")).as("the same bucket, still empty").isFalse();
		// A newcomer during the flood shares an overflow bucket: slowed down, perhaps, never locked out for good.
		long newcomersLetIn = java.util.stream.IntStream.range(0, 2 * RateLimiter.OVERFLOW_BUCKETS)
			.filter(i -> limiter.tryAcquire("newcomer-" + i))
			.count();
		assertThat(newcomersLetIn).isPositive();
	}

}
