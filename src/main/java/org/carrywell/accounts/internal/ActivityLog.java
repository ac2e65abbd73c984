package org.carrywell.accounts.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What happened to her account, in a log she can read. It names what happened and how (a passkey's name, "with a
 * password"), never an address or a device fingerprint: she can read it, and nothing in it serves anyone else.
 */
public class ActivityLog {

	/** What she can find in her log; each has its words in messages.properties ({@code account.activity.*}). */
	public enum Kind {

		REGISTERED, VERIFIED, SIGNED_IN_PASSWORD, SIGNED_IN_PASSKEY, SIGNED_OUT_EVERYWHERE, PASSKEY_ADDED,
		PASSKEY_REMOVED, PASSWORD_CHANGED, PASSWORD_RESET, EXPORTED, PROFILE_SAVED, CHECK_SAVED, CLEARANCE_RECORDED,
		CLEARANCE_REMOVED, RESULTS_IMPORTED, SIGN_IN_LOCKED, SHARE_CREATED, SHARE_OPENED, SHARE_REVOKED,
		PROVIDER_ADJUSTED, ADJUSTMENT_UNDONE, CALENDAR_FEED_STARTED, CALENDAR_FEED_STOPPED

	}

	public record Entry(Instant at, Kind kind, String detail) {
	}

	static final int SHOWN = 200;

	private final JdbcClient jdbc;

	public ActivityLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(UUID member, Kind kind, String detail, Instant at) {
		jdbc.sql("INSERT INTO member_activity (member_id, occurred_at, kind, detail) VALUES (?, ?, ?, ?)")
			.params(member, MemberStore.utc(at), kind.name(), detail.length() > 200 ? detail.substring(0, 200) : detail)
			.update();
	}

	/** The newest entries first. */
	public List<Entry> recent(UUID member) {
		return jdbc.sql("SELECT occurred_at, kind, detail FROM member_activity WHERE member_id = ? "
				+ "ORDER BY occurred_at DESC, id DESC FETCH FIRST " + SHOWN + " ROWS ONLY")
			.param(member)
			.query((rs, row) -> new Entry(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
					Kind.valueOf(rs.getString("kind")), rs.getString("detail")))
			.list();
	}

}
