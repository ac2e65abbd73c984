package org.carrywell.newsletter.internal;

import static org.carrywell.newsletter.internal.SubscriberStore.instant;
import static org.carrywell.newsletter.internal.SubscriberStore.nullableInstant;
import static org.carrywell.newsletter.internal.SubscriberStore.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import org.carrywell.newsletter.Topic;

/** Issues the editor wrote. */
@Repository
public class IssueStore {

	private final JdbcClient jdbc;

	public IssueStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insertDraft(String subject, Set<Topic> topics, String bodyMarkdown, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO newsletter_issue (subject, topics, body_markdown, status, created_at)
				VALUES (?, ?, ?, 'DRAFT', ?)""")
			.params(subject, Topic.join(topics), bodyMarkdown, timestamp(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** Changes a draft; false when the issue is no longer a draft (it was queued meanwhile). */
	public boolean updateDraft(long id, String subject, Set<Topic> topics, String bodyMarkdown) {
		return jdbc.sql("UPDATE newsletter_issue SET subject = ?, topics = ?, body_markdown = ? WHERE id = ? AND status = 'DRAFT'")
			.params(subject, Topic.join(topics), bodyMarkdown, id)
			.update() == 1;
	}

	public Optional<NewsletterIssue> find(long id) {
		return jdbc.sql("SELECT * FROM newsletter_issue WHERE id = ?").param(id).query(this::issue).optional();
	}

	public List<NewsletterIssue> newestFirst() {
		return jdbc.sql("SELECT * FROM newsletter_issue ORDER BY created_at DESC, id DESC").query(this::issue).list();
	}

	/** Moves a draft to queued; false when it was not a draft (so two clicks on "send" queue it once). */
	boolean markQueued(long id, Instant now) {
		return jdbc.sql("UPDATE newsletter_issue SET status = 'QUEUED', queued_at = ? WHERE id = ? AND status = 'DRAFT'")
			.params(timestamp(now), id)
			.update() == 1;
	}

	private NewsletterIssue issue(ResultSet rs, int row) throws SQLException {
		return new NewsletterIssue(rs.getLong("id"), rs.getString("subject"), Topic.split(rs.getString("topics")),
				rs.getString("body_markdown"), NewsletterIssue.Status.valueOf(rs.getString("status")),
				instant(rs, "created_at"), nullableInstant(rs, "queued_at"));
	}

}
