package org.carrywell.system;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A JSON body sent to the API may be at most {@link #MAX_BYTES}: anything larger is refused with a 413 problem
 * detail before a byte of it is parsed, whether it says its length or not. Every request body of the API is far
 * smaller; a larger one is a mistake or an attack, and reading it would cost memory and time.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ApiBodyLimitFilter extends OncePerRequestFilter {

	/** The API as Spring matches it: on the decoded path, so that {@code /%61pi/...} is the API too. */
	private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

	/** 64 KB: a plan request with every field filled is under 2 KB. */
	static final int MAX_BYTES = 64 * 1024;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		return !API.matches(request) || !("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > MAX_BYTES) {
			tooLarge(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
		if (body.length > MAX_BYTES) {
			tooLarge(request, response);
			return;
		}
		chain.doFilter(new ReadBody(request, body), response);
	}

	private static void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		String instance = request.getRequestURI().replace("\\", "\\\\").replace("\"", "\\\"");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,\"detail\":\"The request "
					+ "body is larger than " + MAX_BYTES / 1024 + " KB.\",\"instance\":\"" + instance + "\"}");
	}

	/** The request with its body already read, within the limit. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					// The body is already in memory: it can be read at once, so the listener hears so straight away.
					try {
						listener.onDataAvailable();
						listener.onAllDataRead();
					}
					catch (IOException ex) {
						listener.onError(ex);
					}
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), Charset.forName(encoding)));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

	}

}
