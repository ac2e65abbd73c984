package org.carrywell.progress.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.carrywell.accounts.MemberData;
import org.carrywell.system.Rows;

/**
 * The persistent reminder queue, worked with the newsletter queue's protocol: one row per member and moment (a
 * unique key, so no reminder is ever queued twice, by any node), moved QUEUED → SENDING → SENT, or back to QUEUED
 * for a retry, or to FAILED, IN_DOUBT or CANCELLED. The claim is committed before anything is sent, and every
 * move is a conditional update, so two workers never send one reminder; a process that dies between sending and
 * recording leaves the row SENDING, and it is set aside as in doubt rather than sent twice.
 */
@Repository
public class ReminderQueue implements MemberData {

	public enum Status {

		QUEUED, SENDING, SENT, FAILED, IN_DOUBT, CANCELLED

	}

	public record Delivery(long id, UUID member, Instant dueAt, Status status, int attempts) {
	}

	private static final int MAX_ERROR_LENGTH = 500;

	private final JdbcClient jdbc;

	ReminderQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Queues her reminder for that moment unless it is queued already; true when it is new. */
	public boolean enqueue(UUID member, Instant dueAt) {
		try {
			return jdbc.sql("""
					INSERT INTO reminder_delivery (member_id, due_at, status, attempts, next_attempt_at)
					VALUES (?, ?, 'QUEUED', 0, ?)""")
				.params(member, dueAt.atOffset(ZoneOffset.UTC), dueAt.atOffset(ZoneOffset.UTC))
				.update() == 1;
		}
		catch (DuplicateKeyException alreadyQueued) {
			return false;
		}
	}

	public List<Long> due(Instant now, int limit) {
		return jdbc.sql("SELECT id FROM reminder_delivery WHERE status = 'QUEUED' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?")
			.params(now.atOffset(ZoneOffset.UTC), limit)
			.query(Long.class)
			.list();
	}

	/** Takes a reminder for sending, committed before it is sent; false when another worker took it first. */
	public boolean claim(long id, Instant now) {
		return jdbc.sql("UPDATE reminder_delivery SET status = 'SENDING', claimed_at = ? WHERE id = ? AND status = 'QUEUED'")
			.params(now.atOffset(ZoneOffset.UTC), id)
			.update() == 1;
	}

	public Optional<Delivery> find(long id) {
		return jdbc.sql("SELECT id, member_id, due_at, status, attempts FROM reminder_delivery WHERE id = ?")
			.param(id)
			.query((rs, row) -> new Delivery(rs.getLong("id"), rs.getObject("member_id", UUID.class),
					Rows.instant(rs, "due_at"), Status.valueOf(rs.getString("status")), rs.getInt("attempts")))
			.optional();
	}

	public void markSent(long id, Instant now) {
		jdbc.sql("UPDATE reminder_delivery SET status = 'SENT', finished_at = ?, last_error = NULL WHERE id = ? AND status = 'SENDING'")
			.params(now.atOffset(ZoneOffset.UTC), id)
			.update();
	}

	public void retryLater(long id, int attempts, Instant next, String error) {
		jdbc.sql("UPDATE reminder_delivery SET status = 'QUEUED', attempts = ?, next_attempt_at = ?, claimed_at = NULL, last_error = ? WHERE id = ? AND status = 'SENDING'")
			.params(attempts, next.atOffset(ZoneOffset.UTC), shorten(error), id)
			.update();
	}

	/** Finished without sending: failed for good, or no longer wanted (she stopped reminders meanwhile). */
	public void finish(long id, Status status, int attempts, Instant now, String reason) {
		jdbc.sql("UPDATE reminder_delivery SET status = ?, attempts = ?, finished_at = ?, last_error = ? WHERE id = ? AND status = 'SENDING'")
			.params(status.name(), attempts, now.atOffset(ZoneOffset.UTC), shorten(reason), id)
			.update();
	}

	/** Sets aside reminders claimed before {@code claimedBefore} and never finished; returns how many. */
	public int setAsideInterrupted(Instant claimedBefore, Instant now) {
		return jdbc.sql("""
				UPDATE reminder_delivery SET status = 'IN_DOUBT', finished_at = ?,
				       last_error = 'Interrupted between sending and recording; not sent again'
				WHERE status = 'SENDING' AND claimed_at < ?""")
			.params(now.atOffset(ZoneOffset.UTC), claimedBefore.atOffset(ZoneOffset.UTC))
			.update();
	}

	/** Stops what is still queued for her (she turned reminders off). */
	public int cancelQueued(UUID member, Instant now) {
		return jdbc.sql("UPDATE reminder_delivery SET status = 'CANCELLED', finished_at = ?, last_error = 'Reminders stopped' WHERE member_id = ? AND status = 'QUEUED'")
			.params(now.atOffset(ZoneOffset.UTC), member)
			.update();
	}

	/** How many reminders, hers or anyone's, are in a status: the operator's queue depth. */
	public int count(Status status) {
		return jdbc.sql("SELECT COUNT(*) FROM reminder_delivery WHERE status = ?")
			.params(status.name())
			.query(Integer.class)
			.single();
	}

	/** How many of her reminders are in a status, for tests and the operator. */
	public int count(UUID member, Status status) {
		return jdbc.sql("SELECT COUNT(*) FROM reminder_delivery WHERE member_id = ? AND status = ?")
			.params(member, status.name())
			.query(Integer.class)
			.single();
	}

	@Override
	public String name() {
		return "reminders-sent";
	}

	/** When each of her reminders was due and what became of it (not the transport's error text). */
	@Override
	public List<Map<String, Object>> rowsOf(UUID memberId) {
		return jdbc.sql("SELECT due_at, status, finished_at FROM reminder_delivery WHERE member_id = ? ORDER BY due_at")
			.param(memberId)
			.query((rs, row) -> Rows.exported(rs))
			.list();
	}

	private static String shorten(String error) {
		return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
	}

}
