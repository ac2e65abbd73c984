package org.carrywell.newsletter.internal;

import java.time.Instant;
import java.util.Set;

import org.carrywell.newsletter.Topic;

/**
 * One entry of the consent trail: what a subscriber agreed to (or withdrew), when, under which version of the
 * consent text, and how. Appended, never changed; kept for audit and shown to nobody else.
 */
public record ConsentRecord(long subscriberId, Instant recordedAt, Action action, Set<Topic> topics,
		String consentVersion, Method method) {

	public enum Action {

		CONFIRMED, TOPICS_CHANGED, RESUBSCRIBED, UNSUBSCRIBED

	}

	public enum Method {

		/** The confirmation link of the double opt-in e-mail, then the confirm button. */
		CONFIRMATION_LINK,
		/** The preferences page reached through a signed link. */
		PREFERENCES_PAGE,
		/** The unsubscribe page reached through the link in an e-mail. */
		UNSUBSCRIBE_LINK,
		/** A mail client's RFC 8058 one-click request. */
		ONE_CLICK

	}

}
