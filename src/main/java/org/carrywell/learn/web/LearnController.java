package org.carrywell.learn.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.learn.Article;
import org.carrywell.learn.Articles;
import org.carrywell.system.NotFoundException;
import org.carrywell.system.PublicPages;

@Controller
class LearnController {

	static final String VIEW_INDEX = "learn/index";

	static final String VIEW_ARTICLE = "learn/article";

	private final Articles articles;

	private final Catalogue catalogue;

	LearnController(Articles articles, Catalogue catalogue) {
		this.articles = articles;
		this.catalogue = catalogue;
	}

	@GetMapping("/learn")
	String index(Model model, HttpServletRequest request) {
		PublicPages.markShareable(request);
		model.addAttribute("articles", articles.all());
		return VIEW_INDEX;
	}

	@GetMapping("/learn/{slug}")
	String article(@PathVariable String slug, Model model, HttpServletRequest request) {
		PublicPages.markShareable(request);
		Article article = articles.find(slug).orElseThrow(() -> new NotFoundException("article", slug));
		model.addAttribute("article", article);
		model.addAttribute("sources", article.sources().stream().flatMap(key -> catalogue.source(key).stream()).toList());
		return VIEW_ARTICLE;
	}

}
