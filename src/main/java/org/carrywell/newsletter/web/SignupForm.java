package org.carrywell.newsletter.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.MultiValueMap;

import org.carrywell.newsletter.Topic;
import org.carrywell.system.EmailAddresses;
import org.carrywell.newsletter.internal.Subscriptions;

/**
 * The sign-up form as submitted, read by hand so that any input — missing, repeated, unknown or enormous
 * values — becomes a message on the field it concerns, never an error page. {@code errors} maps a field to the
 * message key of what is wrong with it.
 *
 * @param email what she typed, kept to show it back
 * @param normalisedEmail the address in the form it is stored, when valid
 * @param honeypot a field people never see or fill in; filled, the request came from a robot
 */
public record SignupForm(String email, String normalisedEmail, Set<Topic> topics, String consentVersion,
		boolean honeypot, Map<String, String> errors) {

	/** Only the first few hundred characters of a field are ever looked at or shown back. */
	static final int MAX_ECHO = 300;

	public static SignupForm empty() {
		return new SignupForm("", "", EnumSet.noneOf(Topic.class), Subscriptions.CURRENT_CONSENT_VERSION, false,
				Map.of());
	}

	static SignupForm read(MultiValueMap<String, String> params) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<String> emails = params.getOrDefault("email", List.of());
		String email = emails.isEmpty() ? "" : truncate(emails.get(0));
		String normalised = "";
		if (emails.size() > 1 && emails.stream().distinct().count() > 1) {
			errors.put("email", "newsletter.error.email.one");
		}
		else if (email.isBlank()) {
			errors.put("email", "newsletter.error.email.missing");
		}
		else {
			normalised = EmailAddresses.normalise(email).orElse("");
			if (normalised.isEmpty()) {
				errors.put("email", "newsletter.error.email.invalid");
			}
		}
		Set<Topic> topics = readTopics(params.getOrDefault("topics", List.of()), errors);
		String consentVersion = params.getOrDefault("consentVersion", List.of()).stream().findFirst().orElse("");
		if (!Subscriptions.CONSENT_VERSIONS.contains(consentVersion)) {
			errors.put("consent", "newsletter.error.consent");
			consentVersion = Subscriptions.CURRENT_CONSENT_VERSION;
		}
		boolean honeypot = params.getOrDefault("website", List.of()).stream().anyMatch(value -> !value.isEmpty());
		return new SignupForm(email, normalised, topics, consentVersion, honeypot, Map.copyOf(errors));
	}

	/** Topics from checkboxes: at least one, each a known topic. Also used by the preferences form. */
	static Set<Topic> readTopics(List<String> values, Map<String, String> errors) {
		Set<Topic> topics = EnumSet.noneOf(Topic.class);
		for (String value : values) {
			try {
				topics.add(Topic.valueOf(value));
			}
			catch (IllegalArgumentException unknown) {
				errors.put("topics", "newsletter.error.topics.unknown");
				return topics;
			}
		}
		if (topics.isEmpty()) {
			errors.put("topics", "newsletter.error.topics.missing");
		}
		return topics;
	}

	private static String truncate(String value) {
		return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO);
	}

	public boolean hasError(String field) {
		return errors.containsKey(field);
	}

	public String error(String field) {
		return errors.get(field);
	}

	public boolean chose(Topic topic) {
		return topics.contains(topic);
	}

	public List<Topic> allTopics() {
		return List.of(Topic.values());
	}

}
