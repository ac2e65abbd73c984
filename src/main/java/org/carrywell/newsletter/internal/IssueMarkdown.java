package org.carrywell.newsletter.internal;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * An issue's body: Markdown written by the editor, rendered to HTML with any raw HTML escaped and only safe link
 * schemes kept, so neither a slip nor a compromised editor account can put script into subscribers' mail or the
 * preview page.
 */
public final class IssueMarkdown {

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

	private IssueMarkdown() {
	}

	public static String toHtml(String markdown) {
		return RENDERER.render(PARSER.parse(markdown));
	}

}
