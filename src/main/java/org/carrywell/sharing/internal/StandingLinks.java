package org.carrywell.sharing.internal;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.carrywell.accounts.MemberActivity;
import org.carrywell.accounts.StandingAccess;

/**
 * When she signs out everywhere or resets her password, every link she gave ends and her calendar address stops:
 * someone else in her account could have made them. What providers changed stays (she sees it, and undoes any).
 */
@Component
class StandingLinks implements StandingAccess {

	/** The detail her activity log gives for links ended this way. */
	static final String ENDED_WITH_SESSIONS = "signed out everywhere";

	private final ShareStore shares;

	private final CalendarFeeds feeds;

	private final MemberActivity activity;

	private final Clock clock;

	StandingLinks(ShareStore shares, CalendarFeeds feeds, MemberActivity activity, Clock clock) {
		this.shares = shares;
		this.feeds = feeds;
		this.activity = activity;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void endAll(UUID member) {
		for (ShareStore.Share ended : shares.revokeAll(member, clock.instant())) {
			activity.sharing(member, MemberActivity.Sharing.SHARE_REVOKED,
					ended.providerName() + " · " + ENDED_WITH_SESSIONS);
		}
		if (feeds.stop(member)) {
			activity.sharing(member, MemberActivity.Sharing.CALENDAR_FEED_STOPPED, ENDED_WITH_SESSIONS);
		}
	}

}
