package org.carrywell.newsletter.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

import org.carrywell.newsletter.Topic;
import org.carrywell.system.ClientNetwork;
import org.carrywell.newsletter.internal.ConsentRecord.Method;
import org.carrywell.newsletter.internal.LinkSigner;
import org.carrywell.newsletter.internal.SignupLimits;
import org.carrywell.newsletter.internal.Subscriber;
import org.carrywell.newsletter.internal.Subscriptions;
import org.carrywell.system.NotFoundException;

/**
 * The subscriber's pages: sign-up, "check your inbox", confirmation, preferences and unsubscription. Links in
 * e-mails lead to pages with a single button rather than acting on GET, because mail scanners follow links;
 * the RFC 8058 one-click POST is the exception, made for exactly that purpose.
 */
@Controller
@RequestMapping("/newsletter")
class NewsletterController {

	static final String SECTION = "newsletter";

	private final Subscriptions subscriptions;

	private final LinkSigner signer;

	private final SignupLimits limits;

	NewsletterController(Subscriptions subscriptions, LinkSigner signer, SignupLimits limits) {
		this.subscriptions = subscriptions;
		this.signer = signer;
		this.limits = limits;
	}

	@GetMapping
	String signupPage(Model model) {
		model.addAttribute("signup", SignupForm.empty());
		return "newsletter/signup";
	}

	/**
	 * New, pending, confirmed or unsubscribed: the answer is the same redirect, and the same single e-mail is
	 * sent (or, for a robot or an address over its limit, nothing), so the page reveals nothing about anyone.
	 */
	@PostMapping
	String signUp(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String client = ClientNetwork.of(request);
		if (!limits.perClient().tryAcquire(client)) {
			long minutes = Math.max(1, limits.perClient().retryAfter(client).toMinutes() + 1);
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(minutes * 60));
			model.addAttribute("minutes", minutes);
			return "newsletter/too-many";
		}
		SignupForm form = SignupForm.read(params);
		if (!form.errors().isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("signup", form);
			return "newsletter/signup";
		}
		if (!form.honeypot()) {
			subscriptions.signUp(form.normalisedEmail(), form.topics(), form.consentVersion());
		}
		return "redirect:/newsletter/check-your-inbox";
	}

	@GetMapping("/check-your-inbox")
	String checkYourInbox() {
		return "newsletter/check-inbox";
	}

	@GetMapping("/confirm")
	String confirmPage(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
		if (!subscriptions.confirmationUsable(token)) {
			response.setStatus(HttpStatus.GONE.value());
			return "newsletter/link-expired";
		}
		model.addAttribute("token", token);
		return "newsletter/confirm";
	}

	@PostMapping("/confirm")
	String confirm(@RequestParam(defaultValue = "") String token, HttpServletResponse response) {
		var confirmed = subscriptions.confirm(token);
		if (confirmed.isEmpty()) {
			response.setStatus(HttpStatus.GONE.value());
			return "newsletter/link-expired";
		}
		return "redirect:" + preferencesPath(signer.sign(confirmed.get()), Notice.CONFIRMED);
	}

	/**
	 * What the preferences page says after a change. It travels in the address rather than as a flash attribute,
	 * which would need an HTTP session: visitors hold no server state (ADR 0008). Only these values mean anything.
	 */
	enum Notice {

		CONFIRMED("newsletter.preferences.confirmed"), SAVED("newsletter.preferences.saved");

		private final String messageKey;

		Notice(String messageKey) {
			this.messageKey = messageKey;
		}

		static @Nullable String messageKeyOf(@Nullable String value) {
			for (Notice notice : values()) {
				if (notice.name().equalsIgnoreCase(String.valueOf(value))) {
					return notice.messageKey;
				}
			}
			return null;
		}

	}

	@GetMapping("/preferences")
	String preferences(@RequestParam(defaultValue = "") String t,
			@RequestParam(name = "notice", required = false) @Nullable String notice, Model model) {
		Subscriber subscriber = subscriber(t);
		model.addAttribute("notice", Notice.messageKeyOf(notice));
		model.addAttribute("subscriber", subscriber);
		model.addAttribute("token", t);
		model.addAttribute("topicsChosen", subscriber.topics());
		model.addAttribute("errors", Map.of());
		return "newsletter/preferences";
	}

	@PostMapping("/preferences")
	String savePreferences(@RequestParam(defaultValue = "") String t,
			@RequestParam(name = "topics", required = false) List<String> topicValues,
			@RequestParam(defaultValue = "") String consentVersion, Model model,
			HttpServletResponse response) {
		Subscriber subscriber = subscriber(t);
		Map<String, String> errors = new LinkedHashMap<>();
		Set<Topic> topics = SignupForm.readTopics(topicValues == null ? List.of() : topicValues, errors);
		if (!Subscriptions.CONSENT_VERSIONS.contains(consentVersion)) {
			errors.put("consent", "newsletter.error.consent");
		}
		if (errors.isEmpty() && subscriber.status() == Subscriber.Status.UNSUBSCRIBED) {
			// Coming back through an old link is a new sign-up: whoever holds the link, her inbox decides.
			subscriptions.signUp(subscriber.email(), topics, consentVersion);
			return "redirect:/newsletter/check-your-inbox";
		}
		if (!errors.isEmpty() || !subscriptions.changeTopics(subscriber.id(), topics, consentVersion)) {
			errors.putIfAbsent("topics", "newsletter.error.topics.unconfirmed");
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("subscriber", subscriber);
			model.addAttribute("token", t);
			model.addAttribute("topicsChosen", topics);
			model.addAttribute("errors", errors);
			return "newsletter/preferences";
		}
		return "redirect:" + preferencesPath(t, Notice.SAVED);
	}

	@GetMapping("/unsubscribe")
	String unsubscribePage(@RequestParam(defaultValue = "") String t, Model model) {
		model.addAttribute("subscriber", subscriber(t));
		model.addAttribute("token", t);
		return "newsletter/unsubscribe";
	}

	@PostMapping("/unsubscribe")
	String unsubscribe(@RequestParam(defaultValue = "") String t) {
		Subscriber subscriber = subscriber(t);
		subscriptions.unsubscribe(subscriber.id(), Method.UNSUBSCRIBE_LINK);
		return "redirect:" + UriComponentsBuilder.fromPath("/newsletter/unsubscribed").queryParam("t", t).toUriString();
	}

	@GetMapping("/unsubscribed")
	String unsubscribed(@RequestParam(defaultValue = "") String t, Model model) {
		model.addAttribute("subscriber", subscriber(t));
		model.addAttribute("token", t);
		return "newsletter/unsubscribed";
	}

	/**
	 * RFC 8058: a mail program's "unsubscribe" button POSTs {@code List-Unsubscribe=One-Click} to the URL of the
	 * {@code List-Unsubscribe} header, with no cookies and no CSRF token; the signed link is the authorisation.
	 */
	@PostMapping(path = "/unsubscribe/one-click", produces = MediaType.TEXT_PLAIN_VALUE)
	@ResponseBody
	ResponseEntity<String> oneClickUnsubscribe(@RequestParam(defaultValue = "") String t) {
		Subscriber subscriber = subscriber(t);
		subscriptions.unsubscribe(subscriber.id(), Method.ONE_CLICK);
		return ResponseEntity.ok("Unsubscribed");
	}

	/** The subscriber a signed link names; a link that is not genuine is simply not found. */
	private Subscriber subscriber(String token) {
		var id = signer.verify(token);
		if (id.isEmpty()) {
			throw new NotFoundException("newsletter subscriber for the link", token);
		}
		return subscriptions.find(id.getAsLong()).orElseThrow(() -> new NotFoundException("newsletter subscriber", String.valueOf(id.getAsLong())));
	}

	private static String preferencesPath(String token, Notice notice) {
		return UriComponentsBuilder.fromPath("/newsletter/preferences")
			.queryParam("notice", notice.name().toLowerCase(java.util.Locale.ROOT))
			.queryParam("t", token)
			.toUriString();
	}

}
