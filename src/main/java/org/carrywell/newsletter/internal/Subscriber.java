package org.carrywell.newsletter.internal;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.carrywell.newsletter.Topic;

/** A row of {@code newsletter_subscriber}. */
public record Subscriber(long id, String email, Status status, Set<Topic> topics, Instant createdAt,
		@Nullable Instant confirmedAt, @Nullable Instant unsubscribedAt) {

	public enum Status {

		/** Signed up, not yet confirmed: never sent an issue. */
		PENDING,
		/** Confirmed through the e-mailed link: receives issues of its topics. */
		CONFIRMED,
		/** Left: receives nothing until it chooses topics again. */
		UNSUBSCRIBED

	}

	public boolean confirmed() {
		return status == Status.CONFIRMED;
	}

}
