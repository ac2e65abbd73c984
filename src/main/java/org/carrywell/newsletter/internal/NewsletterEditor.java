package org.carrywell.newsletter.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.transaction.support.TransactionTemplate;

import org.carrywell.newsletter.Topic;

/** The editor's side: drafts, and queuing an issue for every confirmed subscriber of its topics, once. */
public class NewsletterEditor {

	private final IssueStore issues;

	private final DeliveryQueue deliveries;

	private final SubscriberStore subscribers;

	private final TransactionTemplate transactions;

	private final Clock clock;

	public NewsletterEditor(IssueStore issues, DeliveryQueue deliveries, SubscriberStore subscribers,
			TransactionTemplate transactions, Clock clock) {
		this.issues = issues;
		this.deliveries = deliveries;
		this.subscribers = subscribers;
		this.transactions = transactions;
		this.clock = clock;
	}

	public long createDraft(String subject, Set<Topic> topics, String bodyMarkdown) {
		return issues.insertDraft(subject, topics, bodyMarkdown, clock.instant());
	}

	public boolean updateDraft(long id, String subject, Set<Topic> topics, String bodyMarkdown) {
		return issues.updateDraft(id, subject, topics, bodyMarkdown);
	}

	public Optional<NewsletterIssue> issue(long id) {
		return issues.find(id);
	}

	public List<NewsletterIssue> issues() {
		return issues.newestFirst();
	}

	/**
	 * Queues a draft for sending; returns the number of deliveries queued, or empty when the issue is unknown or
	 * was already queued (a second click, another tab) — in which case nothing more is queued.
	 */
	public Optional<Integer> queue(long id) {
		Instant now = clock.instant();
		return transactions.execute(status -> {
			var issue = issues.find(id);
			if (issue.isEmpty() || !issues.markQueued(id, now)) {
				return Optional.<Integer>empty();
			}
			return Optional.of(deliveries.enqueue(issue.get(), now));
		});
	}

	public int requeueInDoubt(long id) {
		return deliveries.requeueInDoubt(id, clock.instant());
	}

	public DeliveryCounts counts(long id) {
		return deliveries.counts(id);
	}

	/** Everyone who receives issues now, for the CSV export and the overview. */
	public List<Subscriber> confirmedSubscribers() {
		return subscribers.confirmed();
	}

}
