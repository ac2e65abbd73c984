package org.carrywell.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.carrywell.MutableClock;

/** The limits count in the database: every node sees the same attempts, over a sliding window of the period. */
class RateLimiterTests {

	/** On the hour, so that the windows of an hour's period begin here. */
	private static final Instant HOUR = Instant.parse("2026-12-02T10:00:00Z");

	private final MutableClock clock = new MutableClock(HOUR);

	private final TestRateLimits.Database database = TestRateLimits.database();

	@Test
	void aKeyOverItsLimitStaysOverIt() {
		var limiter = database.node(clock).limiter("test", 2, Duration.ofHours(1));
		assertThat(limiter.tryAcquire("a")).isTrue();
		assertThat(limiter.retryAfter("a")).isZero();
		assertThat(limiter.tryAcquire("a")).isTrue();
		assertThat(limiter.tryAcquire("a")).isFalse();
		assertThat(limiter.tryAcquire("b")).as("another key has its own count").isTrue();
		// The window's attempts count in full until it ends, then fade over the next: at most two periods' wait.
		assertThat(limiter.retryAfter("a")).isPositive().isLessThanOrEqualTo(Duration.ofHours(2));
	}

	@Test
	void twoNodesCountTheSameAttempts() {
		var first = database.node(clock).limiter("passwords", 3, Duration.ofMinutes(15));
		var second = database.node(clock).limiter("passwords", 3, Duration.ofMinutes(15));
		assertThat(first.tryAcquire("198.51.100.0")).isTrue();
		assertThat(second.tryAcquire("198.51.100.0")).isTrue();
		assertThat(first.tryAcquire("198.51.100.0")).isTrue();
		assertThat(second.tryAcquire("198.51.100.0")).as("the fourth attempt, whichever node takes it").isFalse();
		assertThat(first.tryAcquire("198.51.100.0")).isFalse();
		assertThat(database.node(clock).limiter("other-limit", 3, Duration.ofMinutes(15)).tryAcquire("198.51.100.0"))
			.as("another limit counts apart")
			.isTrue();
	}

	@Test
	void theLastWindowStillCountsForWhatOfItIsWithinAPeriod() {
		var limiter = database.node(clock).limiter("test", 4, Duration.ofHours(1));
		for (int i = 0; i < 4; i++) {
			assertThat(limiter.tryAcquire("a")).isTrue();
		}
		// A new window, a quarter in: three quarters of the last window's four still count, so one more fits.
		clock.advance(Duration.ofMinutes(75));
		assertThat(limiter.tryAcquire("a")).isTrue();
		assertThat(limiter.tryAcquire("a")).isFalse();
		assertThat(limiter.retryAfter("a")).isPositive();
		// Three quarters in: one of the last window's four counts, with this window's one: two more fit.
		clock.advance(Duration.ofMinutes(30));
		assertThat(limiter.tryAcquire("a")).isTrue();
		assertThat(limiter.tryAcquire("a")).isTrue();
		assertThat(limiter.tryAcquire("a")).isFalse();
		// Two periods on, nothing of it counts.
		clock.advance(Duration.ofHours(2));
		assertThat(limiter.retryAfter("a")).isZero();
		assertThat(limiter.tryAcquire("a")).isTrue();
	}

	@Test
	void theWaitItNamesIsLongEnough() {
		var limiter = database.node(clock).limiter("test", 2, Duration.ofHours(1));
		clock.advance(Duration.ofMinutes(10));
		limiter.tryAcquire("a");
		limiter.tryAcquire("a");
		Duration wait = limiter.retryAfter("a");
		clock.advance(wait.minusSeconds(1));
		assertThat(limiter.tryAcquire("a")).as("a second before the wait is over").isFalse();
		clock.advance(Duration.ofSeconds(1));
		assertThat(limiter.tryAcquire("a")).as("once it is over").isTrue();
	}

	/** Over many random histories: the wait named is exact to the second, never a second too short or too long. */
	@Test
	void theWaitNamedIsExactForAnyHistory() {
		var random = new Random(20261202);
		for (int run = 0; run < 150; run++) {
			var start = HOUR.plus(Duration.ofDays(run));
			var runClock = new MutableClock(start);
			int capacity = 1 + random.nextInt(8);
			Duration period = Duration.ofSeconds(60 + random.nextInt(7200));
			var limiter = database.node(runClock).limiter("run-" + run, capacity, period);
			// Attempts in the window before this one, then some way into this one, until refused.
			long windowStart = Math.floorDiv(start.toEpochMilli(), period.toMillis()) * period.toMillis();
			runClock.advance(Duration.ofMillis(windowStart + period.toMillis() - start.toEpochMilli()));
			runClock.advance(Duration.ofMillis(random.nextLong(period.toMillis())));
			int earlier = random.nextInt(capacity + 1);
			for (int i = 0; i < earlier; i++) {
				limiter.tryAcquire("k");
			}
			runClock.advance(Duration.ofMillis(period.toMillis() + random.nextLong(period.toMillis() / 2)));
			while (limiter.tryAcquire("k")) {
				// Up to the limit.
			}
			Duration wait = limiter.retryAfter("k");
			assertThat(wait).as("run %d", run).isPositive();
			runClock.advance(wait.minusSeconds(1));
			assertThat(limiter.tryAcquire("k")).as("run %d: a second before the wait of %s is over", run, wait).isFalse();
			runClock.advance(Duration.ofSeconds(1));
			assertThat(limiter.tryAcquire("k")).as("run %d: once the wait of %s is over", run, wait).isTrue();
		}
	}

	/** Eight requests at once, on eight nodes, for a key with room for three: exactly three go through. */
	@Test
	void attemptsAtTheSameMomentOnSeveralNodesAreCountedOnce() throws Exception {
		int nodes = 8;
		var ready = new CountDownLatch(nodes);
		var go = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(nodes);
		try {
			var attempts = new ArrayList<Future<Boolean>>();
			for (int node = 0; node < nodes; node++) {
				var limiter = database.node(clock).limiter("together", 3, Duration.ofMinutes(15));
				attempts.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return limiter.tryAcquire("203.0.113.0");
				}));
			}
			ready.await();
			go.countDown();
			long through = 0;
			for (Future<Boolean> attempt : attempts) {
				through += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(through).isEqualTo(3);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Once refused, a key is refused on this node until its wait ends without asking the database again. */
	@Test
	void aRefusedKeyIsRememberedUntilItsWaitEnds() {
		var limiter = database.node(clock).limiter("remembered", 1, Duration.ofMinutes(10));
		assertThat(limiter.tryAcquire("a")).isTrue();
		assertThat(limiter.tryAcquire("a")).isFalse();
		Duration wait = limiter.retryAfter("a");
		JdbcClient.create(database.dataSource()).sql("DELETE FROM rate_limit_count").update();
		assertThat(limiter.tryAcquire("a")).as("the database forgot, this node did not").isFalse();
		assertThat(limiter.retryAfter("a")).isEqualTo(wait);
		clock.advance(wait);
		assertThat(limiter.tryAcquire("a")).isTrue();
	}

	@Test
	void theTableNamesNoKeyAndForgetsWindowsThatNoLongerCount() {
		var limits = database.node(clock);
		limits.limiter("test", 5, Duration.ofMinutes(10)).tryAcquire("reader@example.org");
		var stored = JdbcClient.create(database.dataSource())
			.sql("SELECT key_hash FROM rate_limit_count")
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain("reader").hasSize(43);
		clock.advance(Duration.ofMinutes(20));
		limits.forgetPastWindows();
		assertThat(database.rows()).as("still within the window after it").isOne();
		clock.advance(Duration.ofMinutes(1));
		limits.forgetPastWindows();
		assertThat(database.rows()).isZero();
	}

}
