package org.carrywell.system;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Pages that are a function of their address, the content version and the language only: the same for every
 * visitor, with nothing of hers in them or in their address (the library, an exercise, an article, the empty
 * check). A controller marks such a page; {@link PublicPageCache} then keeps a visitor's copy, answers conditional
 * requests with 304 and lets browsers and proxies keep it too. A member's copy of the same page (her navigation)
 * is never kept, and a page that holds a form with a CSRF token is refused, whatever its controller says.
 */
public final class PublicPages {

	static final String SHAREABLE = PublicPages.class.getName() + ".shareable";

	private PublicPages() {
	}

	/** Says that this answer is the same for every visitor who asks for this address in this language today. */
	public static void markShareable(HttpServletRequest request) {
		request.setAttribute(SHAREABLE, Boolean.TRUE);
	}

	static boolean isMarkedShareable(HttpServletRequest request) {
		return Boolean.TRUE.equals(request.getAttribute(SHAREABLE));
	}

}
