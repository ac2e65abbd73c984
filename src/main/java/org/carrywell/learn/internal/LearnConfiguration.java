package org.carrywell.learn.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Cause;
import org.carrywell.catalogue.CauseExplanations;
import org.carrywell.learn.Articles;

/** Loads and checks the articles once, at start-up, after the catalogue they link to. */
@Configuration(proxyBeanMethods = false)
class LearnConfiguration {

	private static final Logger log = LoggerFactory.getLogger(LearnConfiguration.class);

	@Bean
	Articles articles(LearnProperties properties, ResourcePatternResolver resources, Catalogue catalogue) {
		String location = properties.location().endsWith("/") ? properties.location() : properties.location() + "/";
		String shownAs = location.replaceFirst("^(classpath\\*?|file):", "");
		try {
			var files = new ArrayList<ArticleFile>();
			for (Resource resource : resources.getResources(location + "*.md")) {
				files.add(new ArticleFile(shownAs + resource.getFilename(),
						resource.getContentAsString(StandardCharsets.UTF_8)));
			}
			files.sort(java.util.Comparator.comparing(ArticleFile::path));
			Articles articles = ArticleLoader.load(files, catalogue);
			log.info("Learn articles loaded from {}: {}", location, articles.all().size());
			return articles;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the articles at " + location, ex);
		}
	}

	/** Lets exercise pages link each cause they address to the article that explains it. */
	@Bean
	CauseExplanations causeExplanations(Articles articles) {
		return (Cause cause) -> articles.explaining(cause)
			.map(article -> new CauseExplanations.Explanation(article.title(), article.path()));
	}

}
