package org.carrywell.newsletter;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Empties the newsletter's tables between tests, children first. */
public final class NewsletterTables {

	private static final String[] CHILDREN_FIRST = { "newsletter_delivery", "newsletter_issue", "newsletter_consent",
			"newsletter_confirmation", "newsletter_subscriber" };

	private NewsletterTables() {
	}

	public static void clear(JdbcClient jdbc) {
		for (String table : CHILDREN_FIRST) {
			jdbc.sql("DELETE FROM " + table).update();
		}
	}

}
