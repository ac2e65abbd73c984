package org.carrywell.system;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static files under their own paths only: {@code /css/**}, {@code /js/**}, {@code /img/**} and
 * {@code /webjars/**}, each with a content hash in its URL and cached for a year.
 *
 * <p>Why not Spring Boot's catch-all {@code /**}: every link a page writes goes through the resource URL
 * encoder, and under {@code /**} each page link ({@code /exercises/pelvic-tilt-wall}, …) was looked up as a
 * possible static file in the jar, uncached because it is never found. That cost about 100 ms per library page
 * (see docs/performance.md); with these patterns, page links are not looked up at all.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourcesConfiguration implements WebMvcConfigurer {

	private static final CacheControl A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : new String[] { "css", "js", "img" }) {
			register(registry, "/" + folder + "/**", "classpath:/static/" + folder + "/");
		}
		// The webjars resolver (added by the chain when webjars-locator-lite is present) finds versionless paths.
		register(registry, "/webjars/**", "classpath:/META-INF/resources/webjars/");
	}

	private static void register(ResourceHandlerRegistry registry, String pattern, String location) {
		registry.addResourceHandler(pattern)
			.addResourceLocations(location)
			.setCacheControl(A_YEAR)
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
	}

}
