package org.carrywell.system;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

/**
 * Pages that are a function of their address, the content version and the language only: the same for every
 * visitor, with nothing of hers in them or in their address (the library, an exercise, an article, the empty
 * check). A controller marks such a page; {@link PublicPageCache} then keeps a visitor's copy, answers conditional
 * requests with 304 and lets browsers and proxies keep it too. A member's copy of the same page (her navigation)
 * is never kept, and neither is a page that carries a CSRF token anywhere but where each visitor's own can be put.
 */
public final class PublicPages {

	static final String SHAREABLE = PublicPages.class.getName() + ".shareable";

	private PublicPages() {
	}

	/**
	 * Says that this answer is the same for every visitor who asks for this address in this language today, and
	 * that it takes no parameters: with any, it is made for her and not kept (a made-up parameter must not make
	 * a new copy).
	 */
	public static void markShareable(HttpServletRequest request) {
		markShareable(request, Set.of());
	}

	/** The same, for a page whose named parameters choose what it shows (the library's filters). */
	public static void markShareable(HttpServletRequest request, Set<String> parameters) {
		request.setAttribute(SHAREABLE, Set.copyOf(parameters));
	}

	/** The parameters a shareable page takes, or null when the page was not marked. */
	@SuppressWarnings("unchecked")
	static @Nullable Set<String> shareableParameters(HttpServletRequest request) {
		return request.getAttribute(SHAREABLE) instanceof Set<?> parameters ? (Set<String>) parameters : null;
	}

}
