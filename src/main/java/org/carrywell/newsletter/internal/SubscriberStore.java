package org.carrywell.newsletter.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import org.carrywell.newsletter.Topic;

/** Subscribers, their confirmation tokens and their consent trail, in portable SQL. */
@Repository
public class SubscriberStore {

	private final JdbcClient jdbc;

	public SubscriberStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Subscriber> findByEmail(String email) {
		return jdbc.sql("SELECT * FROM newsletter_subscriber WHERE email = ?").param(email).query(this::subscriber)
			.optional();
	}

	public Optional<Subscriber> findById(long id) {
		return jdbc.sql("SELECT * FROM newsletter_subscriber WHERE id = ?").param(id).query(this::subscriber)
			.optional();
	}

	/** Inserts a pending subscriber; fails with a duplicate-key exception when the address is already there. */
	public long insertPending(String email, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO newsletter_subscriber (email, status, topics, created_at) VALUES (?, 'PENDING', '', ?)")
			.params(email, timestamp(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public void markConfirmed(long id, Set<Topic> topics, Instant now) {
		jdbc.sql("""
				UPDATE newsletter_subscriber SET status = 'CONFIRMED', topics = ?, unsubscribed_at = NULL,
				       confirmed_at = COALESCE(confirmed_at, ?)
				WHERE id = ?""").params(Topic.join(topics), timestamp(now), id).update();
	}

	public void markUnsubscribed(long id, Instant now) {
		jdbc.sql("UPDATE newsletter_subscriber SET status = 'UNSUBSCRIBED', topics = '', unsubscribed_at = ? WHERE id = ?")
			.params(timestamp(now), id)
			.update();
	}

	public void insertConfirmation(String tokenHash, long subscriberId, Set<Topic> topics, String consentVersion,
			Instant requestedAt, Instant expiresAt) {
		jdbc.sql("""
				INSERT INTO newsletter_confirmation (token_hash, subscriber_id, topics, consent_version, requested_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(tokenHash, subscriberId, Topic.join(topics), consentVersion, timestamp(requestedAt),
					timestamp(expiresAt))
			.update();
	}

	/** A confirmation that is unused and unexpired at {@code now}. */
	public Optional<PendingConfirmation> findUsableConfirmation(String tokenHash, Instant now) {
		return jdbc.sql("""
				SELECT token_hash, subscriber_id, topics, consent_version FROM newsletter_confirmation
				WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?""")
			.params(tokenHash, timestamp(now))
			.query((rs, row) -> new PendingConfirmation(rs.getString("token_hash"), rs.getLong("subscriber_id"),
					Topic.split(rs.getString("topics")), rs.getString("consent_version")))
			.optional();
	}

	/** Uses a confirmation up; false when another request used it first (the update is the single-use guard). */
	public boolean useConfirmation(String tokenHash, Instant now) {
		return jdbc.sql("UPDATE newsletter_confirmation SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
			.params(timestamp(now), tokenHash)
			.update() == 1;
	}

	/** Voids every outstanding confirmation link of a subscriber. */
	public void useAllConfirmations(long subscriberId, Instant now) {
		jdbc.sql("UPDATE newsletter_confirmation SET used_at = ? WHERE subscriber_id = ? AND used_at IS NULL")
			.params(timestamp(now), subscriberId)
			.update();
	}

	public void record(ConsentRecord consent) {
		jdbc.sql("""
				INSERT INTO newsletter_consent (subscriber_id, recorded_at, action, topics, consent_version, method)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(consent.subscriberId(), timestamp(consent.recordedAt()), consent.action().name(),
					Topic.join(consent.topics()), consent.consentVersion(), consent.method().name())
			.update();
	}

	public List<ConsentRecord> consentTrail(long subscriberId) {
		return jdbc.sql("SELECT * FROM newsletter_consent WHERE subscriber_id = ? ORDER BY id")
			.param(subscriberId)
			.query((rs, row) -> new ConsentRecord(rs.getLong("subscriber_id"), instant(rs, "recorded_at"),
					ConsentRecord.Action.valueOf(rs.getString("action")), Topic.split(rs.getString("topics")),
					rs.getString("consent_version"), ConsentRecord.Method.valueOf(rs.getString("method"))))
			.list();
	}

	/**
	 * Forgets sign-ups that were never confirmed once their last link has been expired since {@code expiredBefore}:
	 * an address nobody confirmed is not kept. Their confirmation rows go with them (ON DELETE CASCADE).
	 */
	public int deleteUnconfirmed(Instant expiredBefore) {
		return jdbc.sql("""
				DELETE FROM newsletter_subscriber
				WHERE status = 'PENDING' AND confirmed_at IS NULL
				  AND NOT EXISTS (SELECT 1 FROM newsletter_confirmation c
				                  WHERE c.subscriber_id = newsletter_subscriber.id AND c.expires_at >= ?)""")
			.param(timestamp(expiredBefore))
			.update();
	}

	/** Confirmed subscribers in address order, for the editor's export. */
	public List<Subscriber> confirmed() {
		return jdbc.sql("SELECT * FROM newsletter_subscriber WHERE status = 'CONFIRMED' ORDER BY email")
			.query(this::subscriber)
			.list();
	}

	private Subscriber subscriber(ResultSet rs, int row) throws SQLException {
		return new Subscriber(rs.getLong("id"), rs.getString("email"), Subscriber.Status.valueOf(rs.getString("status")),
				Topic.split(rs.getString("topics")), instant(rs, "created_at"), nullableInstant(rs, "confirmed_at"),
				nullableInstant(rs, "unsubscribed_at"));
	}

	static Timestamp timestamp(Instant instant) {
		return Timestamp.from(instant);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	/** A confirmation link that may still be used. */
	public record PendingConfirmation(String tokenHash, long subscriberId, Set<Topic> topics, String consentVersion) {
	}

}
