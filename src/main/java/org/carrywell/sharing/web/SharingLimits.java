package org.carrywell.sharing.web;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import org.carrywell.system.NetworkRateLimitFilter;
import org.carrywell.system.RateLimits;
import org.carrywell.system.SecurityContribution;

/**
 * Limits per client network on the secret addresses and on what is costly to make. A link's token cannot be
 * guessed, so these are not against guessing: they keep one holder of a link (or a script with one) from taking the
 * machine, since a PDF costs a fifth of a second of a core, and a flood of changes would be read with every plan.
 */
@Configuration(proxyBeanMethods = false)
class SharingLimits {

	static final Duration PERIOD = Duration.ofMinutes(10);

	@Bean
	SecurityContribution sharingRateLimits(@Value("${carrywell.sharing.links.per-network:300}") int links,
			@Value("${carrywell.sharing.downloads.per-network:30}") int downloads, RateLimits limits) {
		var paths = PathPatternRequestMatcher.withDefaults();
		RequestMatcher secret = new OrRequestMatcher(paths.matcher("/shared/**"), paths.matcher("/calendar/**"));
		RequestMatcher made = new OrRequestMatcher(paths.matcher("/shared/*/report.pdf"),
				paths.matcher("/shared/*/fhir.json"), paths.matcher("/sharing/report.pdf"), paths.matcher("/sharing/fhir.json"));
		return http -> http
			.addFilterBefore(new NetworkRateLimitFilter(secret, limits.limiter("sharing-links-per-network", links, PERIOD)),
					CsrfFilter.class)
			.addFilterBefore(new NetworkRateLimitFilter(made, limits.limiter("sharing-downloads-per-network", downloads,
					PERIOD)), CsrfFilter.class);
	}

}
