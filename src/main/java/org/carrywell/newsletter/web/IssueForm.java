package org.carrywell.newsletter.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.MultiValueMap;

import org.carrywell.newsletter.Topic;
import org.carrywell.newsletter.internal.NewsletterIssue;

/** The editor's issue form: subject, topics and the Markdown body, with a message key per field in error. */
public record IssueForm(String subject, Set<Topic> topics, String body, Map<String, String> errors) {

	static final int MAX_SUBJECT = 200;

	static final int MAX_BODY = 100_000;

	public static IssueForm empty() {
		return new IssueForm("", EnumSet.noneOf(Topic.class), "", Map.of());
	}

	static IssueForm of(NewsletterIssue issue) {
		return new IssueForm(issue.subject(), issue.topics(), issue.bodyMarkdown(), Map.of());
	}

	static IssueForm read(MultiValueMap<String, String> params) {
		Map<String, String> errors = new LinkedHashMap<>();
		String subject = first(params, "subject").strip();
		if (subject.isEmpty()) {
			errors.put("subject", "admin.issue.error.subject.missing");
		}
		else if (subject.length() > MAX_SUBJECT || subject.chars().anyMatch(Character::isISOControl)) {
			errors.put("subject", "admin.issue.error.subject.invalid");
			subject = subject.substring(0, Math.min(subject.length(), MAX_SUBJECT));
		}
		Set<Topic> topics = SignupForm.readTopics(params.getOrDefault("topics", List.of()), errors);
		String body = first(params, "body");
		if (body.isBlank()) {
			errors.put("body", "admin.issue.error.body.missing");
		}
		else if (body.length() > MAX_BODY) {
			errors.put("body", "admin.issue.error.body.long");
			body = body.substring(0, MAX_BODY);
		}
		return new IssueForm(subject, topics, body, Map.copyOf(errors));
	}

	private static String first(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return value == null ? "" : value;
	}

	public boolean hasError(String field) {
		return errors.containsKey(field);
	}

	public String error(String field) {
		return errors.get(field);
	}

	public List<Topic> allTopics() {
		return List.of(Topic.values());
	}

}
