package org.carrywell.system;

import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Which pages the service worker (/sw.js, docs/offline.md) may keep on her device for when there is no network.
 * Nothing is kept unless its page says so with {@link #HEADER}: an allow-list the server decides, page by page,
 * so that a new page is never kept by accident. What is kept goes into a cache of the person signed in when it
 * was sent ({@link #MEMBER_HEADER}, set on every answer), so one member's pages are never shown to another, and
 * a member's are deleted when she signs out.
 */
public final class OfflineCopies {

	/** "keep": the service worker may keep this page, for the person it was sent to. */
	public static final String HEADER = "Carrywell-Offline";

	/** Who the answer was sent to: a member's device key, or empty for a visitor. */
	public static final String MEMBER_HEADER = "Carrywell-Member";

	/** The last day a kept page may be shown (ISO date): the service worker shows nothing after it. */
	public static final String UNTIL_HEADER = "Carrywell-Offline-Until";

	/** A copy judged for her today is kept for a week of sessions at most. */
	public static final int MOST_DAYS = 7;

	private OfflineCopies() {
	}

	/** Lets the service worker keep this page, in the cache of whoever it is for (for a week at most). */
	public static void keep(HttpServletResponse response) {
		response.setHeader(HEADER, "keep");
	}

	/** Lets the service worker keep this page until the end of {@code lastDay}. */
	public static void keep(HttpServletResponse response, LocalDate lastDay) {
		keep(response);
		response.setHeader(UNTIL_HEADER, lastDay.toString());
	}

	/**
	 * Lets the service worker keep her week's plan, and show it for {@code /plan} and {@code /plan/mine} with no
	 * network; only when she came to it from this site or by herself (a link from another site could otherwise
	 * swap her week for someone else's).
	 */
	public static void keepAsThisWeek(HttpServletRequest request, HttpServletResponse response, LocalDate lastDay) {
		String from = request.getHeader("Sec-Fetch-Site");
		if (from == null || "same-origin".equals(from) || "none".equals(from)) {
			response.setHeader(HEADER, "keep; this-week");
			response.setHeader(UNTIL_HEADER, lastDay.toString());
		}
	}

}
