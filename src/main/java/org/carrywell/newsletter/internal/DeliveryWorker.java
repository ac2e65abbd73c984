package org.carrywell.newsletter.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.carrywell.system.MailTransport;

/**
 * Works the send queue in batches. For each due delivery: claim it (committed), send it, record it as sent.
 * A failure to send is retried with a doubling wait and finally recorded as failed; a process that dies between
 * sending and recording leaves the delivery claimed, and the next batch sets such deliveries aside as in doubt
 * rather than send them twice. The messages sent in the last minute, counted in the database, cap each batch: the
 * limit holds for the whole site, whichever node runs the batch.
 */
public class DeliveryWorker {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private final DeliveryQueue queue;

	private final SubscriberStore subscribers;

	private final IssueStore issues;

	private final MailComposer composer;

	private final MailTransport transport;

	private final NewsletterProperties.Delivery settings;

	private final Clock clock;

	public DeliveryWorker(DeliveryQueue queue, SubscriberStore subscribers, IssueStore issues, MailComposer composer,
			MailTransport transport, NewsletterProperties.Delivery settings, Clock clock) {
		this.queue = queue;
		this.subscribers = subscribers;
		this.issues = issues;
		this.composer = composer;
		this.transport = transport;
		this.settings = settings;
		this.clock = clock;
	}

	/** Works one batch; returns how many messages the transport accepted. */
	public int runBatch() {
		Instant now = clock.instant();
		int interrupted = queue.setAsideInterrupted(now.minus(settings.inDoubtAfter()), now);
		if (interrupted > 0) {
			log.warn("{} deliveries were interrupted between sending and recording; set aside, not sent again",
					interrupted);
		}
		int budget = settings.perMinute() - queue.sentSince(now.minus(Duration.ofMinutes(1)));
		if (budget <= 0) {
			return 0;
		}
		int sent = 0;
		for (long id : queue.due(now, Math.min(settings.batchSize(), budget))) {
			if (deliver(id)) {
				sent++;
			}
		}
		return sent;
	}

	private boolean deliver(long id) {
		if (!queue.claim(id, clock.instant())) {
			return false;
		}
		var delivery = queue.find(id).orElseThrow();
		try {
			var subscriber = subscribers.findById(delivery.subscriberId()).orElseThrow();
			var issue = issues.find(delivery.issueId()).orElseThrow();
			transport.send(composer.issue(subscriber, issue));
		}
		catch (RuntimeException failure) {
			recordFailure(delivery, failure);
			return false;
		}
		queue.markSent(id, clock.instant());
		return true;
	}

	private void recordFailure(DeliveryQueue.Delivery delivery, RuntimeException failure) {
		int attempts = delivery.attempts() + 1;
		String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
		Instant now = clock.instant();
		if (attempts >= settings.maxAttempts()) {
			log.warn("Delivery {} failed for good after {} attempts: {}", delivery.id(), attempts, error);
			queue.markFailed(delivery.id(), attempts, now, error);
		}
		else {
			Duration wait = settings.firstRetryAfter().multipliedBy(1L << Math.min(attempts - 1, 20));
			log.info("Delivery {} failed (attempt {}), retrying in {}: {}", delivery.id(), attempts, wait, error);
			queue.retryLater(delivery.id(), attempts, now.plus(wait), error);
		}
	}

}
