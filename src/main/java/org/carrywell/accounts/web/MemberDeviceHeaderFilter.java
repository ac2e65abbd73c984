package org.carrywell.accounts.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import org.carrywell.system.OfflineCopies;

/**
 * Tells the service worker who each page was sent to ({@link OfflineCopies#MEMBER_HEADER}): it keeps pages in
 * that person's cache, and deletes a member's cache when pages start going to someone else. Runs after the
 * security filters (a plain filter bean), so it sees who is signed in.
 */
@Component
class MemberDeviceHeaderFilter extends OncePerRequestFilter {

	private final MemberDeviceKey deviceKey;

	MemberDeviceHeaderFilter(MemberDeviceKey deviceKey) {
		this.deviceKey = deviceKey;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !HttpMethod.GET.matches(request.getMethod()) || path.startsWith("/api/") || path.startsWith("/css/")
				|| path.startsWith("/js/") || path.startsWith("/img/") || path.startsWith("/webjars/")
				|| path.equals("/sw.js") || path.equals("/manifest.webmanifest");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(OfflineCopies.MEMBER_HEADER, deviceKey.current());
		chain.doFilter(request, response);
	}

}
