package org.carrywell.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.learn.Articles;

/**
 * Every page of the real content renders, and every link on it leads somewhere: the whole site is crawled
 * from the home page, every exercise and every article.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SiteLinksIntegrationTests {

	private static final Pattern INTERNAL_LINK = Pattern.compile("href=\"(/[^\"]*)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalogue catalogue;

	@Autowired
	Articles articles;

	@Test
	void everyPageRendersAndEveryLinkResolves() throws Exception {
		var toVisit = new ArrayDeque<String>();
		toVisit.add("/");
		catalogue.exercises().forEach(exercise -> toVisit.add("/exercises/" + exercise.id()));
		articles.all().forEach(article -> toVisit.add(article.path()));
		var visited = new HashSet<String>();
		var broken = new LinkedHashMap<String, Integer>();
		while (!toVisit.isEmpty()) {
			String path = toVisit.poll().replace("&amp;", "&");
			if (!visited.add(path) || path.startsWith("/v3/")) {
				continue;
			}
			var response = mvc.perform(get(path)).andReturn().getResponse();
			if (response.getStatus() == 302 && response.getRedirectedUrl() != null) {
				toVisit.add(response.getRedirectedUrl());
				continue;
			}
			if (response.getStatus() != 200) {
				broken.put(path, response.getStatus());
				continue;
			}
			if (isPage(path, response.getContentType())) {
				var links = INTERNAL_LINK.matcher(response.getContentAsString());
				while (links.find()) {
					toVisit.add(links.group(1));
				}
			}
		}
		assertThat(broken).as("pages that did not answer 200").isEqualTo(Map.of());
		assertThat(visited).hasSizeGreaterThan(catalogue.size() + articles.all().size());
	}

	/** Pages of content are crawled further; the filter combinations of the library are not. */
	private static boolean isPage(String path, String contentType) {
		return contentType != null && contentType.startsWith("text/html") && !path.contains("?");
	}

}
