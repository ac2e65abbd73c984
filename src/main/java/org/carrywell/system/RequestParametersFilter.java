package org.carrywell.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request whose parameters cannot be decoded (broken percent-encoding, bytes that are not UTF-8) is the
 * client's mistake: it gets a 400 before anything reads it, instead of an exception deep inside a controller
 * (a 500, and a stack trace in the log). Pages then show the 400 page, the API a problem detail.
 */
@Component
// After Spring Boot's character encoding filter (HIGHEST_PRECEDENCE), which must set UTF-8 before anything reads
// a parameter, and after the API's body limit, which must see a body before anything reads it.
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestParametersFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RequestParametersFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParameterMap();
		}
		catch (IllegalStateException | IllegalArgumentException undecodable) {
			// Tomcat's InvalidParameterException is an IllegalStateException: the request, not the app, is wrong.
			log.debug("Refused a request whose parameters cannot be decoded: {}", undecodable.getMessage());
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		chain.doFilter(request, response);
	}

}
