package org.carrywell.accounts;

import java.util.UUID;

/** What other modules write into her activity log. */
public interface MemberActivity {

	/** Sessions from a device were added to her account ({@code count} new ones). */
	void resultsImported(UUID member, int count);

}
