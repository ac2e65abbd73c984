package org.carrywell.system;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A static file asked for without the content hash in its name must be checked again on every use. Pages link to
 * hashed names, which are cached for a year (StaticResourcesConfiguration); but a script module's own imports
 * ({@code import … from './history.js'}) name the plain file, and a year-old copy of it would break the new
 * script that imports it.
 */
@Component
class UnversionedStaticFilter extends OncePerRequestFilter {

	/** A name the resource chain versions: {@code player-<32 hex digits>.js}. */
	private static final Pattern VERSIONED = Pattern.compile(".*-[0-9a-f]{32}\\.[a-z0-9]+$");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		boolean staticFile = path.startsWith("/js/") || path.startsWith("/css/") || path.startsWith("/img/");
		return !staticFile || VERSIONED.matcher(path).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			@Override
			public void setHeader(String name, String value) {
				super.setHeader(name, HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) ? "no-cache" : value);
			}

			@Override
			public void addHeader(String name, String value) {
				super.addHeader(name, HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) ? "no-cache" : value);
			}

		});
	}

}
