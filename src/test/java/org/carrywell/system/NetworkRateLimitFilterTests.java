package org.carrywell.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/** Several limiters in one chain (one per feature) each count their own requests. */
class NetworkRateLimitFilterTests {

	@Test
	void aSecondLimiterInTheSameChainStillLimits() throws Exception {
		var paths = PathPatternRequestMatcher.withDefaults();
		var limits = TestRateLimits.database().node(Clock.systemUTC());
		var pages = new NetworkRateLimitFilter(paths.matcher("/pages/**"), limits.limiter("pages", 100, Duration.ofMinutes(1)));
		var reports = new NetworkRateLimitFilter(paths.matcher("/pages/report"), limits.limiter("reports", 1, Duration.ofMinutes(1)));
		int[] statuses = new int[2];
		for (int i = 0; i < 2; i++) {
			var request = new MockHttpServletRequest("GET", "/pages/report");
			request.setRemoteAddr("192.0.2.1");
			var response = new MockHttpServletResponse();
			new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
			}, pages, reports).doFilter(request, response);
			statuses[i] = response.getStatus();
		}
		assertThat(statuses[0]).isNotEqualTo(429);
		assertThat(statuses[1]).as("the second limiter's own limit of one").isEqualTo(429);
	}

}
