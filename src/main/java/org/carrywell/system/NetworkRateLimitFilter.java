package org.carrywell.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses the requests it matches beyond a limit per client network ({@link ClientNetwork}) with a 429 and
 * {@code Retry-After}, before anything else reads them. Match with Spring Security's path matchers (the decoded
 * path, as the security filters see it), so an encoded path is counted too.
 */
public final class NetworkRateLimitFilter extends OncePerRequestFilter {

	private final RequestMatcher limited;

	private final RateLimiter limit;

	public NetworkRateLimitFilter(RequestMatcher limited, RateLimiter limit) {
		this.limited = limited;
		this.limit = limit;
	}

	/**
	 * One mark per instance: the default mark is the class's name, so a second limiter of this class in the same
	 * chain (one per feature) would find the first one's mark and let every request through unlimited.
	 */
	@Override
	protected String getAlreadyFilteredAttributeName() {
		return NetworkRateLimitFilter.class.getName() + "@" + Integer.toHexString(System.identityHashCode(this))
				+ ALREADY_FILTERED_SUFFIX;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (limited.matches(request)) {
			String network = ClientNetwork.of(request);
			if (!limit.tryAcquire(network)) {
				response.setHeader(HttpHeaders.RETRY_AFTER,
						String.valueOf(Math.max(1, limit.retryAfter(network).toSeconds())));
				response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
