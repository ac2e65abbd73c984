package org.carrywell.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.carrywell.catalogue.Category;
import org.carrywell.catalogue.Cause;
import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.Feature;
import org.carrywell.catalogue.PainArea;
import org.carrywell.catalogue.Position;
import org.carrywell.catalogue.Trimester;
import org.carrywell.safety.ExerciseRules;
import org.carrywell.safety.ScreeningOutcome;
import org.carrywell.safety.ScreeningQuestion;
import org.carrywell.safety.Symptom;
import org.carrywell.safety.Urgency;

/**
 * Every visible string lives in {@code messages/messages.properties}: templates hold no literal text, every
 * key they use exists, every vocabulary id has a label, and every translation has exactly the same keys.
 */
class MessagesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path MESSAGES = Path.of("src/main/resources/messages");

	/** A literal key: {@code #{library.title}} or {@code #{dose.reps(...)}}. */
	private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z0-9.]+)[}(]");

	/** A key built from a prefix: {@code #{'area.' + ${area}}} or {@code ${#messages.msg('area.' + area)}}. */
	private static final Pattern PREFIX_KEY = Pattern.compile("(?:#\\{|#messages\\.msg\\()'([a-zA-Z0-9.]+\\.)'");

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		var offences = new ArrayList<String>();
		for (Path template : templates()) {
			String html = Files.readString(template)
				.replaceAll("(?s)<!--.*?-->", "")
				.replaceAll("(?s)<script.*?</script>", "")
				.replaceAll("(?s)<style.*?</style>", "");
			Matcher text = Pattern.compile(">([^<]*)<").matcher(html);
			while (text.find()) {
				if (text.group(1).codePoints().anyMatch(Character::isLetter)) {
					offences.add(TEMPLATES.relativize(template) + ": \"" + text.group(1).strip() + "\"");
				}
			}
		}
		assertThat(offences).as("text written into templates instead of messages.properties").isEmpty();
	}

	/** Plain-text e-mail templates: outside their {@code [(…)]} expressions and {@code [#…]} blocks, no words. */
	@Test
	void plainTextMailTemplatesHoldNoLiteralText() throws IOException {
		var offences = new ArrayList<String>();
		for (Path template : textTemplates()) {
			String rest = Files.readString(template)
				.replaceAll("\\[\\((.*?)\\)\\]", "")
				.replaceAll("\\[#[^\\]]*\\]", "")
				.replaceAll("\\[/\\]", "");
			if (rest.codePoints().anyMatch(Character::isLetter)) {
				offences.add(TEMPLATES.relativize(template) + ": \"" + rest.strip() + "\"");
			}
		}
		assertThat(textTemplates()).isNotEmpty();
		assertThat(offences).as("text written into plain-text templates instead of messages.properties").isEmpty();
	}

	@Test
	void everyKeyATemplateUsesExists() throws IOException {
		Properties messages = load(MESSAGES.resolve("messages.properties"));
		var missing = new TreeSet<String>();
		for (Path template : Stream.concat(templates().stream(), textTemplates().stream()).toList()) {
			String html = Files.readString(template);
			Matcher literal = LITERAL_KEY.matcher(html);
			while (literal.find()) {
				if (!messages.containsKey(literal.group(1))) {
					missing.add(TEMPLATES.relativize(template) + ": " + literal.group(1));
				}
			}
			Matcher prefix = PREFIX_KEY.matcher(html);
			while (prefix.find()) {
				String start = prefix.group(1);
				if (messages.stringPropertyNames().stream().noneMatch(key -> key.startsWith(start))) {
					missing.add(TEMPLATES.relativize(template) + ": " + start + "*");
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyVocabularyIdHasALabel() throws IOException {
		Properties messages = load(MESSAGES.resolve("messages.properties"));
		var expected = new ArrayList<String>();
		Stream.of(PainArea.values()).forEach(v -> expected.add("area." + v));
		Stream.of(Position.values()).forEach(v -> expected.add("position." + v));
		Stream.of(Equipment.values()).forEach(v -> expected.add("equipment." + v));
		Stream.of(Category.values()).forEach(v -> expected.add("category." + v));
		Stream.of(Feature.values()).forEach(v -> expected.add("feature." + v));
		Stream.of(Cause.values()).forEach(v -> {
			expected.add("cause." + v);
			expected.add("cause." + v + ".explain");
		});
		Stream.of(ScreeningQuestion.values()).forEach(v -> expected.add("screening.question." + v));
		Stream.of(ScreeningQuestion.Group.values()).forEach(v -> expected.add("screening.group." + v));
		Stream.of(ScreeningOutcome.values()).forEach(v -> {
			expected.add("outcome." + v);
			expected.add("outcome." + v + ".text");
		});
		Stream.of(Symptom.values()).forEach(v -> expected.add("symptom." + v));
		Stream.of(Urgency.values()).forEach(v -> expected.add("urgency." + v));
		Stream.of(org.carrywell.safety.WarningSignResult.Advice.values()).forEach(v -> {
			expected.add("advice." + v);
			expected.add("advice." + v + ".heading");
			expected.add("warning.result.title." + v);
		});
		Stream.of(org.carrywell.safety.PreSessionQuestion.values())
			.forEach(v -> expected.add("session.before.question." + v));
		Stream.of(org.carrywell.safety.PriorActivity.values()).forEach(v -> expected.add("activity." + v));
		Stream.concat(ExerciseRules.FORBIDDING.stream(), ExerciseRules.CAUTIONING.stream())
			.forEach(rule -> expected.add("rule." + rule.id()));
		Stream.of(org.carrywell.planning.WeeklyPlan.ReasonKind.values()).forEach(v -> expected.add("plan.reason." + v));
		Stream.of(org.carrywell.newsletter.Topic.values()).forEach(v -> expected.add("topic." + v));
		org.carrywell.newsletter.internal.Subscriptions.CONSENT_VERSIONS
			.forEach(version -> expected.add("newsletter.consent." + version));
		Stream.of(Trimester.values()).forEach(t -> {
			expected.add("trimester." + t.number());
			expected.add("trimester." + t.number() + ".weeks");
			expected.add("trimester.short." + t.number());
		});
		assertThat(messages.stringPropertyNames()).containsAll(expected);
	}

	@Test
	void everyLocaleHasTheSameKeys() throws IOException {
		Set<String> base = load(MESSAGES.resolve("messages.properties")).stringPropertyNames();
		try (Stream<Path> files = Files.list(MESSAGES)) {
			for (Path locale : files.filter(path -> path.getFileName().toString().matches("messages_.+\\.properties")).toList()) {
				assertThat(load(locale).stringPropertyNames()).as(locale.getFileName().toString())
					.containsExactlyInAnyOrderElementsOf(base);
			}
		}
	}

	private static List<Path> textTemplates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(path -> path.toString().endsWith(".txt")).sorted().toList();
		}
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(path -> path.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static Properties load(Path file) throws IOException {
		var properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		return properties;
	}

}
