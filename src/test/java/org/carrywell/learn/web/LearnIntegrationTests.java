package org.carrywell.learn.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = { "carrywell.catalogue.location=classpath:catalogue-test/",
		"carrywell.learn.location=classpath:learn-test/",
		// These tests read the model and view: the copies kept for visitors are tested over a real port.
		"carrywell.public-pages.cache-megabytes=0" })
@AutoConfigureMockMvc
class LearnIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void listsTheArticlesInOrder() throws Exception {
		mvc.perform(get("/learn"))
			.andExpect(status().isOk())
			.andExpect(view().name(LearnController.VIEW_INDEX))
			.andExpect(content().string(containsString("href=\"/learn/why-it-hurts\"")))
			.andExpect(content().string(containsString("href=\"/learn/breathing\"")))
			.andExpect(content().string(containsString("aria-current=\"page\">Learn")));
	}

	@Test
	void showsAnArticleWithItsSources() throws Exception {
		mvc.perform(get("/learn/breathing"))
			.andExpect(status().isOk())
			.andExpect(view().name(LearnController.VIEW_ARTICLE))
			.andExpect(content().string(containsString("<h1>Breathing</h1>")))
			.andExpect(content().string(containsString("href=\"/exercises/side-breath\"")))
			.andExpect(content().string(containsString("Another test source.")));
	}

	@Test
	void neverRendersRawHtmlFromAnArticle() throws Exception {
		mvc.perform(get("/learn/why-it-hurts"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert"))));
	}

	@Test
	void anUnknownArticleIsNotFound() throws Exception {
		mvc.perform(get("/learn/no-such-article")).andExpect(status().isNotFound());
	}

	@Test
	void exercisePagesLinkEachCauseToItsArticle() throws Exception {
		mvc.perform(get("/exercises/wall-tilt"))
			.andExpect(content().string(containsString("href=\"/learn/why-it-hurts\"")))
			.andExpect(content().string(containsString("Read more: Why it hurts")));
	}

}
