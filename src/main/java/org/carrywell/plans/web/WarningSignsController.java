package org.carrywell.plans.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.InvalidInputException;
import org.carrywell.safety.Symptom;
import org.carrywell.safety.WarningSignResult;
import org.carrywell.safety.WarningSigns;

/**
 * "Something doesn't feel right": symptoms in, how soon to get help out. Without the week, contractions are
 * treated as preterm (the more cautious answer).
 */
@Controller
class WarningSignsController {

	static final String VIEW_FORM = "plans/warning-signs";

	static final String VIEW_RESULT = "plans/warning-signs-result";

	/** Used when she does not say how far along she is: contractions then count as an emergency. */
	private static final GestationalAge UNKNOWN_AGE = GestationalAge.ofWeeks(0);

	@GetMapping("/warning-signs")
	String form(Model model) {
		return showForm(model, List.of(), "", null);
	}

	@GetMapping("/warning-signs/result")
	String result(@RequestParam(name = "symptom", required = false) @Nullable List<String> ids,
			@RequestParam(name = "weeks", required = false) @Nullable String weeks, Model model,
			HttpServletResponse response) {
		List<String> chosen = ids == null ? List.of() : ids;
		String weekText = weeks == null ? "" : weeks.trim();
		GestationalAge age = UNKNOWN_AGE;
		var symptoms = new ArrayList<Symptom>();
		try {
			if (!weekText.isEmpty()) {
				age = GestationalAge.ofWeeks(Integer.parseInt(weekText));
			}
		}
		catch (NumberFormatException | InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return showForm(model, chosen, weekText, "warning.error.weeks");
		}
		try {
			chosen.forEach(id -> symptoms.add(WarningSigns.symptomOf(id)));
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return showForm(model, chosen, weekText, "warning.error.unknown");
		}
		WarningSignResult result = WarningSigns.assess(symptoms, age);
		model.addAttribute("result", result);
		model.addAttribute("emergency", result.urgency() == org.carrywell.safety.Urgency.EMERGENCY);
		return VIEW_RESULT;
	}

	private String showForm(Model model, List<String> chosen, String weeks, @Nullable String error) {
		model.addAttribute("symptoms", Symptom.values());
		model.addAttribute("chosen", chosen);
		model.addAttribute("weeks", weeks);
		model.addAttribute("error", error);
		return VIEW_FORM;
	}

}
