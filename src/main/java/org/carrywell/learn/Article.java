package org.carrywell.learn;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.carrywell.catalogue.Cause;

/**
 * One Learn article, validated and rendered.
 *
 * @param html the body rendered from Markdown with raw HTML escaped: safe to insert into a page as is
 * @param explains the causes of back pain this article is the explanation of
 * @param links every link target in the body, in order
 * @param words the body's word count
 */
public record Article(String slug, String title, String summary, Set<Cause> explains, List<String> sources,
		String author, String licence, String markdown, String html, List<String> links, int words) {

	public Article {
		var causes = EnumSet.noneOf(Cause.class);
		causes.addAll(explains);
		explains = Collections.unmodifiableSet(causes);
		sources = List.copyOf(sources);
		links = List.copyOf(links);
	}

	public String path() {
		return "/learn/" + slug;
	}

}
