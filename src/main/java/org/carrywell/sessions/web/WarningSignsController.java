package org.carrywell.sessions.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import org.carrywell.accounts.CurrentMember;
import org.carrywell.progress.WarningSignLog;
import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.InvalidInputException;
import org.carrywell.safety.Symptom;
import org.carrywell.safety.Urgency;
import org.carrywell.safety.WarningSignResult;
import org.carrywell.safety.WarningSigns;
import org.carrywell.system.PublicPages;

/**
 * "Something doesn't feel right": symptoms in, how soon to get help out. Without the week, the week-dependent
 * signs take their cautious reading. From the check before a session she arrives with the signs of the groups
 * she said yes to offered first ({@code offer}), and with the session to return to ({@code return}) if what she
 * ticks does not stop it. A result that stops exercise closes the gate to the next session. A signed-in member's
 * result (when she ticked anything) is kept in her account.
 */
@Controller
class WarningSignsController {

	static final String VIEW_FORM = "sessions/warning-signs";

	static final String VIEW_RESULT = "sessions/warning-signs-result";

	static final String VIEW_OFFLINE = "sessions/warning-signs-offline";

	private final ProviderContactGate gate;

	private final SessionTokens tokens;

	private final CurrentMember currentMember;

	private final WarningSignLog warningSignLog;

	private final OfflineRules offlineRules;

	private final MeterRegistry meters;

	/** The operator's count of results, by urgency and by the way the check was made (the page or the API). */
	static final String WARNING_SIGN_RESULTS = "carrywell.warning.sign.results";

	WarningSignsController(ProviderContactGate gate, SessionTokens tokens, CurrentMember currentMember,
			WarningSignLog warningSignLog, OfflineRules offlineRules, MeterRegistry meters) {
		this.offlineRules = offlineRules;
		this.meters = meters;
		// Every urgency is shown from the start (at zero), so that a dashboard draws a line for each.
		for (Urgency urgency : Urgency.values()) {
			meters.counter(WARNING_SIGN_RESULTS, "urgency", urgency.name(), "via", "page");
		}
		this.gate = gate;
		this.tokens = tokens;
		this.currentMember = currentMember;
		this.warningSignLog = warningSignLog;
	}

	@GetMapping("/warning-signs")
	String form(@RequestParam(name = "offer", required = false) @Nullable List<String> offer,
			@RequestParam(name = "weeks", required = false) @Nullable String weeks,
			@RequestParam(name = "return", required = false) @Nullable String back, Model model,
			HttpServletRequest request) {
		// Only the plain check is the same for everyone; a week or a way back in the address is hers.
		if (offer == null && weeks == null && back == null) {
			PublicPages.markShareable(request);
		}
		return showForm(model, List.of(), offered(offer), weeks == null ? "" : weeks.trim(), back, null);
	}

	/**
	 * The check as it works with no network: the service worker keeps this page from installation on and shows it
	 * for /warning-signs and /warning-signs/result when the network fails; its script reads the address and gives
	 * the engine's answer from the rule table (js/safety/warning-check.js). The same page for everyone.
	 */
	@GetMapping("/warning-signs/offline")
	String offline(Model model, HttpServletRequest request) {
		PublicPages.markShareable(request);
		model.addAttribute("memberSignedIn", false);
		model.addAttribute("symptoms", Symptom.values());
		model.addAttribute("chosen", List.of());
		model.addAttribute("rules", offlineRules.table());
		model.addAttribute("texts", offlineRules.texts());
		return VIEW_OFFLINE;
	}

	@GetMapping("/warning-signs/result")
	String result(@RequestParam(name = "symptom", required = false) @Nullable List<String> ids,
			@RequestParam(name = "offer", required = false) @Nullable List<String> offer,
			@RequestParam(name = "weeks", required = false) @Nullable String weeks,
			@RequestParam(name = "return", required = false) @Nullable String back, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		List<String> chosen = ids == null ? List.of() : ids;
		String weekText = weeks == null ? "" : weeks.trim();
		GestationalAge age = null;
		var symptoms = new ArrayList<Symptom>();
		try {
			if (!weekText.isEmpty()) {
				age = GestationalAge.ofWeeks(Integer.parseInt(weekText));
			}
		}
		catch (NumberFormatException | InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return showForm(model, chosen, offered(offer), weekText, back, "warning.error.weeks");
		}
		try {
			chosen.forEach(id -> symptoms.add(WarningSigns.symptomOf(id)));
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return showForm(model, chosen, offered(offer), weekText, back, "warning.error.unknown");
		}
		WarningSignResult result = WarningSigns.assess(symptoms, age);
		// Counted by urgency for the operator: how often the check sends someone to her provider; never who.
		meters.counter(WARNING_SIGN_RESULTS, "urgency", result.urgency().name(), "via", "page").increment();
		// A member's check is kept in her account, for her and the people she shares with: only one she made on this
		// site (the browser says so), so that a link crafted elsewhere cannot put signs into her record.
		GestationalAge week = age;
		if ("same-origin".equals(request.getHeader("Sec-Fetch-Site"))) {
			currentMember.get().ifPresent(member -> warningSignLog.record(member.id(), symptoms, result.urgency(), week));
		}
		if (result.stopsExercise()) {
			gate.close(request, response);
		}
		List<Symptom> offeredSigns = offered(offer);
		model.addAttribute("result", result);
		model.addAttribute("emergency", result.urgency() == Urgency.EMERGENCY);
		model.addAttribute("offered", offeredSigns);
		model.addAttribute("back", back == null ? "" : back);
		model.addAttribute("offeredButNothingTicked", !offeredSigns.isEmpty() && symptoms.isEmpty());
		model.addAttribute("continueTo", result.stopsExercise() ? null : continueTo(back));
		return VIEW_RESULT;
	}

	/**
	 * The session to go back to, with a fresh token that says she has been through this check. Only the session's
	 * own fields come back: answers, confirmations and tokens in {@code return} are dropped, so a crafted link
	 * cannot answer for her.
	 */
	private @Nullable String continueTo(@Nullable String back) {
		if (back == null || back.isBlank()) {
			return null;
		}
		MultiValueMap<String, String> session;
		try {
			var parsed = UriComponentsBuilder.fromUriString("/session/play?" + back).build().getQueryParams();
			session = new LinkedMultiValueMap<>();
			parsed.forEach((name, values) -> session.put(UriUtils.decode(name, StandardCharsets.UTF_8),
					values.stream().map(value -> value == null ? "" : UriUtils.decode(value, StandardCharsets.UTF_8))
						.toList()));
		}
		catch (IllegalArgumentException malformed) {
			return null;
		}
		var cleaned = SessionController.sessionInputs(session);
		cleaned.remove("speed");
		if (session.getFirst("painBefore") != null) {
			cleaned.add("painBefore", session.getFirst("painBefore"));
		}
		cleaned.add(SessionController.WARNING_CHECK_DONE, tokens.issue(SessionTokens.Purpose.WARNING_CHECK));
		return UriComponentsBuilder.fromPath("/session/play").queryParams(cleaned).encode().build().toUriString();
	}

	/** Only known signs are offered; anything else in the address is ignored, never shown as reported. */
	private static List<Symptom> offered(@Nullable List<String> offer) {
		if (offer == null) {
			return List.of();
		}
		return Arrays.stream(Symptom.values()).filter(symptom -> offer.contains(symptom.name())).toList();
	}

	private String showForm(Model model, List<String> chosen, List<Symptom> offered, String weeks,
			@Nullable String back, @Nullable String error) {
		model.addAttribute("symptoms", Arrays.stream(Symptom.values()).filter(symptom -> !offered.contains(symptom))
			.toList());
		model.addAttribute("offered", offered);
		model.addAttribute("chosen", chosen);
		model.addAttribute("weeks", weeks);
		model.addAttribute("back", back == null ? "" : back);
		model.addAttribute("error", error);
		return VIEW_FORM;
	}

}
