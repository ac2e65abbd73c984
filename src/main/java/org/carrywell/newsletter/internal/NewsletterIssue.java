package org.carrywell.newsletter.internal;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.carrywell.newsletter.Topic;

/** An issue the editor wrote: a draft until queued for sending, then fixed. */
public record NewsletterIssue(long id, String subject, Set<Topic> topics, String bodyMarkdown, Status status,
		Instant createdAt, @Nullable Instant queuedAt) {

	public enum Status {

		DRAFT, QUEUED

	}

	public boolean draft() {
		return status == Status.DRAFT;
	}

}
