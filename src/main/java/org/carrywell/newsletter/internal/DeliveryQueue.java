package org.carrywell.newsletter.internal;

import static org.carrywell.newsletter.internal.SubscriberStore.instant;
import static org.carrywell.newsletter.internal.SubscriberStore.nullableInstant;
import static org.carrywell.newsletter.internal.SubscriberStore.timestamp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.carrywell.newsletter.Topic;

/**
 * The persistent send queue: one row per issue and subscriber (a unique key, so nobody is ever queued the same
 * issue twice), moved through QUEUED → SENDING → SENT, or back to QUEUED for a retry, or to FAILED, IN_DOUBT or
 * CANCELLED. Every move is a conditional update, so two workers (or two instances) never own one delivery.
 */
@Repository
public class DeliveryQueue {

	public enum Status {

		QUEUED, SENDING, SENT, FAILED, IN_DOUBT, CANCELLED

	}

	private static final int MAX_ERROR_LENGTH = 500;

	private final JdbcClient jdbc;

	public DeliveryQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Queues one delivery for every confirmed subscriber of at least one of the issue's topics; returns how many.
	 * Topics are stored as {@code A,B,C}, so a topic matches when {@code ,A,B,C,} contains {@code ,topic,}.
	 */
	int enqueue(NewsletterIssue issue, Instant now) {
		if (issue.topics().isEmpty()) {
			return 0;
		}
		String anyTopic = issue.topics().stream().map(topic -> "(',' || s.topics || ',') LIKE ?")
			.collect(Collectors.joining(" OR "));
		List<Object> params = new ArrayList<>(List.of(issue.id(), timestamp(now)));
		issue.topics().forEach(topic -> params.add("%," + topic.name() + ",%"));
		return jdbc.sql("""
				INSERT INTO newsletter_delivery (issue_id, subscriber_id, status, attempts, next_attempt_at)
				SELECT ?, s.id, 'QUEUED', 0, ? FROM newsletter_subscriber s
				WHERE s.status = 'CONFIRMED' AND (%s)""".formatted(anyTopic))
			.params(params)
			.update();
	}

	/** Deliveries due at {@code now}, oldest first. */
	public List<Long> due(Instant now, int limit) {
		return jdbc.sql("""
				SELECT id FROM newsletter_delivery WHERE status = 'QUEUED' AND next_attempt_at <= ?
				ORDER BY next_attempt_at, id LIMIT ?""")
			.params(timestamp(now), limit)
			.query(Long.class)
			.list();
	}

	/**
	 * Takes a delivery for sending, committed before anything is sent: if the process dies after this, the row
	 * stays SENDING and is later set aside as in doubt instead of being sent again. False when another worker
	 * took it first, or the subscriber has left meanwhile.
	 */
	public boolean claim(long id, Instant now) {
		return jdbc.sql("""
				UPDATE newsletter_delivery SET status = 'SENDING', claimed_at = ?
				WHERE id = ? AND status = 'QUEUED' AND EXISTS (
				    SELECT 1 FROM newsletter_subscriber s WHERE s.id = newsletter_delivery.subscriber_id AND s.status = 'CONFIRMED')""")
			.params(timestamp(now), id)
			.update() == 1;
	}

	public Optional<Delivery> find(long id) {
		return jdbc.sql("SELECT * FROM newsletter_delivery WHERE id = ?")
			.param(id)
			.query((rs, row) -> new Delivery(rs.getLong("id"), rs.getLong("issue_id"), rs.getLong("subscriber_id"),
					Status.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
					nullableInstant(rs, "finished_at"), rs.getString("last_error")))
			.optional();
	}

	/** Records a delivery the transport accepted. This is the step a crash can separate from the sending. */
	public void markSent(long id, Instant now) {
		jdbc.sql("UPDATE newsletter_delivery SET status = 'SENT', finished_at = ?, last_error = NULL WHERE id = ? AND status = 'SENDING'")
			.params(timestamp(now), id)
			.update();
	}

	public void retryLater(long id, int attempts, Instant nextAttempt, String error) {
		jdbc.sql("""
				UPDATE newsletter_delivery SET status = 'QUEUED', attempts = ?, next_attempt_at = ?, claimed_at = NULL, last_error = ?
				WHERE id = ? AND status = 'SENDING'""")
			.params(attempts, timestamp(nextAttempt), shorten(error), id)
			.update();
	}

	public void markFailed(long id, int attempts, Instant now, String error) {
		jdbc.sql("""
				UPDATE newsletter_delivery SET status = 'FAILED', attempts = ?, finished_at = ?, last_error = ?
				WHERE id = ? AND status = 'SENDING'""")
			.params(attempts, timestamp(now), shorten(error), id)
			.update();
	}

	/**
	 * Sets aside deliveries claimed before {@code claimedBefore} and never finished: their process died between
	 * claiming and recording, so the message may or may not have gone out. Sending again could send it twice,
	 * so they wait for the editor's decision instead. Returns how many.
	 */
	public int setAsideInterrupted(Instant claimedBefore, Instant now) {
		return jdbc.sql("""
				UPDATE newsletter_delivery SET status = 'IN_DOUBT', finished_at = ?,
				       last_error = 'Interrupted between sending and recording; not sent again'
				WHERE status = 'SENDING' AND claimed_at < ?""")
			.params(timestamp(now), timestamp(claimedBefore))
			.update();
	}

	/** Stops everything still queued for a subscriber who has just left. */
	public int cancelQueued(long subscriberId, Instant now) {
		return jdbc.sql("""
				UPDATE newsletter_delivery SET status = 'CANCELLED', finished_at = ?, last_error = 'Unsubscribed before delivery'
				WHERE subscriber_id = ? AND status = 'QUEUED'""")
			.params(timestamp(now), subscriberId)
			.update();
	}

	/** How many messages were sent after {@code since}, every issue and every node together: the send rate. */
	public int sentSince(Instant since) {
		return jdbc.sql("SELECT COUNT(*) FROM newsletter_delivery WHERE status = 'SENT' AND finished_at > ?")
			.params(timestamp(since))
			.query(Integer.class)
			.single();
	}

	/** How many deliveries of every issue are in a status: the operator's queue depth. */
	public int count(Status status) {
		return jdbc.sql("SELECT COUNT(*) FROM newsletter_delivery WHERE status = ?")
			.params(status.name())
			.query(Integer.class)
			.single();
	}

	/** The editor's decision to send the interrupted deliveries of an issue once more. */
	public int requeueInDoubt(long issueId, Instant now) {
		return jdbc.sql("""
				UPDATE newsletter_delivery SET status = 'QUEUED', next_attempt_at = ?, claimed_at = NULL, finished_at = NULL
				WHERE issue_id = ? AND status = 'IN_DOUBT'""")
			.params(timestamp(now), issueId)
			.update();
	}

	public DeliveryCounts counts(long issueId) {
		var counts = new EnumMap<Status, Long>(Status.class);
		Arrays.stream(Status.values()).forEach(status -> counts.put(status, 0L));
		jdbc.sql("SELECT status, COUNT(*) AS n FROM newsletter_delivery WHERE issue_id = ? GROUP BY status")
			.param(issueId)
			.query(rs -> {
				counts.put(Status.valueOf(rs.getString("status")), rs.getLong("n"));
			});
		return new DeliveryCounts(counts.get(Status.QUEUED), counts.get(Status.SENDING), counts.get(Status.SENT),
				counts.get(Status.FAILED), counts.get(Status.IN_DOUBT), counts.get(Status.CANCELLED));
	}

	private static @Nullable String shorten(@Nullable String error) {
		if (error == null) {
			return null;
		}
		return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
	}

	/** A row of the queue. */
	public record Delivery(long id, long issueId, long subscriberId, Status status, int attempts, Instant nextAttemptAt,
			@Nullable Instant finishedAt, @Nullable String lastError) {
	}

}
