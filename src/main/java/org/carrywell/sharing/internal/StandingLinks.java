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
	public void endAll(UUID member, Why why) {
		// Her activity log says why, in its own words ("signed out everywhere", "password reset").
		String because = why == Why.PASSWORD_RESET ? "password reset" : "signed out everywhere";
		for (ShareStore.Share ended : shares.revokeAll(member, clock.instant())) {
			activity.sharing(member, MemberActivity.Sharing.SHARE_REVOKED, ended.providerName() + " · " + because);
		}
		if (feeds.stop(member)) {
			activity.sharing(member, MemberActivity.Sharing.CALENDAR_FEED_STOPPED, because);
		}
	}

}
