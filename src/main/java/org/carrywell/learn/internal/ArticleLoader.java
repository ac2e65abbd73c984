package org.carrywell.learn.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Cause;
import org.carrywell.learn.Article;
import org.carrywell.learn.Articles;
import org.carrywell.system.ContentInvalidException;
import org.carrywell.system.ContentProblem;

/**
 * Reads the Learn articles (format: {@code docs/learn-format.md}), renders their Markdown with raw HTML
 * escaped, and checks every link against the catalogue and the other articles. Fails with every problem of
 * every file at once.
 */
final class ArticleLoader {

	static final String WHAT = "Learn section";

	private static final Set<String> FIELDS = Set.of("title", "summary", "explains", "sources", "order", "author",
			"licence");

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern EXERCISE_LINK = Pattern.compile("/exercises/([^/?#]+)");

	private static final Pattern ARTICLE_LINK = Pattern.compile("/learn/([^/?#]+)");

	/** Pages of the site an article may link to besides exercises and articles. */
	private static final Set<String> SITE_PAGES = Set.of("/", "/exercises", "/learn", "/check", "/warning-signs");

	private static final Parser PARSER = Parser.builder().build();

	/**
	 * Raw HTML is shown as text and unsafe URL schemes are dropped. Links inside the site are ordinary links;
	 * links out get {@code noopener noreferrer}, so the other site learns nothing about the reader.
	 */
	private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
		.escapeHtml(true)
		.sanitizeUrls(true)
		.attributeProviderFactory(context -> (node, tagName, attributes) -> {
			if (node instanceof Link link) {
				if (link.getDestination().startsWith("/")) {
					attributes.remove("rel");
				}
				else {
					attributes.put("rel", "noopener noreferrer");
				}
			}
		})
		.build();

	private final Catalogue catalogue;

	private final List<ContentProblem> problems = new ArrayList<>();

	private ArticleLoader(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	/** @throws ContentInvalidException listing every problem, if there is any */
	static Articles load(List<ArticleFile> files, Catalogue catalogue) {
		return new ArticleLoader(catalogue).read(files);
	}

	private Articles read(List<ArticleFile> files) {
		record Numbered(Article article, int order, String file) {
		}
		var articles = new ArrayList<Numbered>();
		for (ArticleFile file : files) {
			Map<?, ?> header = header(file);
			if (header != null) {
				Article article = article(file, header);
				if (article != null) {
					articles.add(new Numbered(article,
							header.get("order") instanceof Integer order ? order : Integer.MAX_VALUE, file.path()));
				}
			}
		}
		var slugs = new HashSet<String>();
		articles.forEach(numbered -> slugs.add(numbered.article().slug()));
		for (Numbered numbered : articles) {
			checkLinks(numbered.file(), numbered.article(), slugs);
		}
		checkEachCauseExplainedOnce(articles.stream().map(Numbered::article).toList());
		if (files.isEmpty()) {
			problems.add(ContentProblem.ofFile("learn/", "holds no articles"));
		}
		if (!problems.isEmpty()) {
			throw new ContentInvalidException(WHAT, problems);
		}
		return new Articles(articles.stream()
			.sorted(Comparator.comparingInt(Numbered::order).thenComparing(numbered -> numbered.article().title()))
			.map(Numbered::article)
			.toList());
	}

	private @Nullable Article article(ArticleFile file, Map<?, ?> header) {
		int before = problems.size();
		String slug = file.slug();
		if (!SLUG.matcher(slug).matches()) {
			problem(file, ContentProblem.WHOLE_FILE, "the file name must be a slug: lower-case letters, digits, single hyphens");
		}
		header.keySet().stream().map(String::valueOf).filter(key -> !FIELDS.contains(key)).sorted()
			.forEach(key -> problem(file, key, "unknown field; known fields: " + String.join(", ", FIELDS.stream().sorted().toList())));
		String title = text(file, header, "title", 120);
		String summary = text(file, header, "summary", 400);
		String author = text(file, header, "author", 120);
		String licence = text(file, header, "licence", 40);
		if (licence != null && !"CC-BY-SA-4.0".equals(licence)) {
			problem(file, "licence", "must be CC-BY-SA-4.0 (content is CC BY-SA 4.0), was '" + licence + "'");
		}
		if (header.containsKey("order") && !(header.get("order") instanceof Integer)) {
			problem(file, "order", "must be a whole number");
		}
		Set<Cause> explains = causes(file, header);
		List<String> sources = sources(file, header);
		String markdown = body(file.content());
		if (markdown.isBlank()) {
			problem(file, "(body)", "is empty");
		}
		Node document = PARSER.parse(markdown);
		var links = new ArrayList<String>();
		var words = new int[1];
		document.accept(new AbstractVisitor() {

			@Override
			public void visit(Heading heading) {
				if (heading.getLevel() == 1) {
					problem(file, "(body)", "uses a level-1 heading ('# '); the title is the page's only one, start at '## '");
				}
				visitChildren(heading);
			}

			@Override
			public void visit(Link link) {
				links.add(link.getDestination());
				visitChildren(link);
			}

			@Override
			public void visit(Image image) {
				problem(file, "(body)", "has an image ('" + image.getDestination() + "'); articles have no images yet");
			}

			@Override
			public void visit(Text text) {
				words[0] += text.getLiteral().isBlank() ? 0 : text.getLiteral().trim().split("\\s+").length;
			}

		});
		if (problems.size() > before) {
			return null;
		}
		return new Article(slug, title, summary, explains, sources, author, licence, markdown,
				RENDERER.render(document), links, words[0]);
	}

	private void checkLinks(String file, Article article, Set<String> slugs) {
		for (String link : article.links()) {
			var exercise = EXERCISE_LINK.matcher(link);
			var other = ARTICLE_LINK.matcher(link);
			if (exercise.matches()) {
				if (catalogue.find(exercise.group(1)).isEmpty()) {
					problems.add(new ContentProblem(file, "(body)", "links to " + link + ", but there is no exercise '"
							+ exercise.group(1) + "'"));
				}
			}
			else if (other.matches()) {
				if (!slugs.contains(other.group(1))) {
					problems.add(new ContentProblem(file, "(body)", "links to " + link + ", but there is no article '"
							+ other.group(1) + "'"));
				}
			}
			else if (!link.startsWith("https://") && !SITE_PAGES.contains(link)) {
				problems.add(new ContentProblem(file, "(body)", "links to '" + link + "'; use /exercises/<id>, "
						+ "/learn/<slug>, one of " + String.join(", ", SITE_PAGES.stream().sorted().toList())
						+ " or an https:// address"));
			}
		}
	}

	private void checkEachCauseExplainedOnce(List<Article> articles) {
		var explainedBy = new EnumMap<Cause, String>(Cause.class);
		for (Article article : articles) {
			for (Cause cause : article.explains()) {
				String earlier = explainedBy.putIfAbsent(cause, article.slug());
				if (earlier != null) {
					problems.add(new ContentProblem("learn/" + article.slug() + ".md", "explains",
							cause + " is already explained by " + earlier + "; each cause has one article"));
				}
			}
		}
	}

	private Set<Cause> causes(ArticleFile file, Map<?, ?> header) {
		var causes = EnumSet.noneOf(Cause.class);
		for (Object value : list(file, header, "explains", false)) {
			try {
				causes.add(Cause.valueOf(String.valueOf(value)));
			}
			catch (IllegalArgumentException ex) {
				problem(file, "explains", "unknown cause '" + value + "'; allowed: "
						+ String.join(", ", EnumSet.allOf(Cause.class).stream().map(Enum::name).toList()));
			}
		}
		return causes;
	}

	private List<String> sources(ArticleFile file, Map<?, ?> header) {
		var keys = new ArrayList<String>();
		for (Object value : list(file, header, "sources", true)) {
			String key = String.valueOf(value);
			if (catalogue.source(key).isEmpty()) {
				problem(file, "sources", "unknown source '" + key + "'; add it to catalogue/sources.yaml");
			}
			keys.add(key);
		}
		return keys;
	}

	private List<?> list(ArticleFile file, Map<?, ?> header, String field, boolean required) {
		Object value = header.get(field);
		if (value == null) {
			if (required) {
				problem(file, field, "required field is missing");
			}
			return List.of();
		}
		if (!(value instanceof List<?> list) || (required && list.isEmpty())) {
			problem(file, field, required ? "must be a non-empty list" : "must be a list");
			return List.of();
		}
		return list;
	}

	private @Nullable String text(ArticleFile file, Map<?, ?> header, String field, int maxLength) {
		Object value = header.get(field);
		if (!(value instanceof String text) || text.isBlank()) {
			problem(file, field, value == null ? "required field is missing" : "must be a non-empty text");
			return null;
		}
		if (text.length() > maxLength) {
			problem(file, field, "is " + text.length() + " characters long; at most " + maxLength + " are allowed");
			return null;
		}
		return text.strip();
	}

	/** The YAML between the first two '---' lines. */
	private @Nullable Map<?, ?> header(ArticleFile file) {
		String content = file.content().replace("\r\n", "\n");
		if (!content.startsWith("---\n") || content.indexOf("\n---\n", 3) < 0) {
			problem(file, ContentProblem.WHOLE_FILE, "must start with a YAML header between two '---' lines");
			return null;
		}
		String yaml = content.substring(4, content.indexOf("\n---\n", 3));
		var options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setMaxAliasesForCollections(10);
		try {
			if (new Yaml(new SafeConstructor(options)).load(yaml) instanceof Map<?, ?> map) {
				return map;
			}
			problem(file, ContentProblem.WHOLE_FILE, "the header must be a mapping of fields");
		}
		catch (YAMLException ex) {
			problem(file, ContentProblem.WHOLE_FILE, "the header is not valid YAML: " + ex.getMessage());
		}
		return null;
	}

	private static String body(String content) {
		String normalised = content.replace("\r\n", "\n");
		int end = normalised.indexOf("\n---\n", 3);
		return end < 0 ? "" : normalised.substring(end + 5);
	}

	private void problem(ArticleFile file, String field, String message) {
		problems.add(new ContentProblem(file.path(), field, message));
	}

}
