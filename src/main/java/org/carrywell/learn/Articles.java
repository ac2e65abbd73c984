package org.carrywell.learn;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrywell.catalogue.Cause;

/** Every Learn article, in reading order; read-only and safe to share between threads. */
public final class Articles {

	private final Map<String, Article> bySlug = new LinkedHashMap<>();

	public Articles(Collection<Article> articles) {
		articles.forEach(article -> {
			if (bySlug.putIfAbsent(article.slug(), article) != null) {
				throw new IllegalArgumentException("Duplicate article " + article.slug());
			}
		});
	}

	public List<Article> all() {
		return List.copyOf(bySlug.values());
	}

	public Optional<Article> find(String slug) {
		return Optional.ofNullable(bySlug.get(slug));
	}

	/** The article that explains a cause; the loader makes sure there is at most one. */
	public Optional<Article> explaining(Cause cause) {
		return bySlug.values().stream().filter(article -> article.explains().contains(cause)).findFirst();
	}

}
