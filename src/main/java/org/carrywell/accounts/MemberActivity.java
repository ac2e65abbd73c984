package org.carrywell.accounts;

import java.util.UUID;

/** What other modules write into her activity log. */
public interface MemberActivity {

	/** What sharing writes into her log; the detail names the person or the link (never the link's secret). */
	enum Sharing {

		/** She made a link for someone (detail: their name). */
		SHARE_CREATED,
		/** Someone opened her link, or downloaded through it (detail: their name, and what). */
		SHARE_OPENED,
		/** She ended a link (detail: their name). */
		SHARE_REVOKED,
		/** Someone changed her plan or left her a note through a link (detail: their name). */
		PROVIDER_ADJUSTED,
		/** She undid a change someone made (detail: their name). */
		ADJUSTMENT_UNDONE,
		/** She made an address for her calendar (an earlier one stops working). */
		CALENDAR_FEED_STARTED,
		/** She turned her calendar address off. */
		CALENDAR_FEED_STOPPED

	}

	/** Sessions from a device were added to her account ({@code count} new ones). */
	void resultsImported(UUID member, int count);

	void sharing(UUID member, Sharing event, String detail);

}
