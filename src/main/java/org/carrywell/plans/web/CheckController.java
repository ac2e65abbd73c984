package org.carrywell.plans.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.carrywell.plans.PlanForm;
import org.carrywell.plans.ScreeningForm;
import org.carrywell.safety.Screening;
import org.carrywell.safety.ScreeningQuestion;
import org.carrywell.safety.ScreeningResult;
import org.carrywell.system.PublicPages;

/**
 * The screening check: the questions, the result for each outcome, and a printable sheet for the provider.
 * All three are GET pages of the same answers: nothing is stored, and the result has an address she can
 * print or come back to.
 */
@Controller
class CheckController {

	static final String VIEW_FORM = "plans/check";

	static final String VIEW_RESULT = "plans/check-result";

	static final String VIEW_SHEET = "plans/check-sheet";

	private final Clock clock;

	CheckController(Clock clock) {
		this.clock = clock;
	}

	/** Empty, or filled with earlier answers when she comes back to change them. */
	@GetMapping("/check")
	String form(@RequestParam MultiValueMap<String, String> parameters, Model model, HttpServletRequest request) {
		// Only the empty form is the same for everyone; answers in the address are hers.
		if (parameters.isEmpty()) {
			PublicPages.markShareable(request);
		}
		var form = parameters.isEmpty() ? ScreeningForm.empty() : ScreeningForm.read(parameters, today()).withoutErrors();
		return showForm(form, model);
	}

	@GetMapping("/check/result")
	String result(@RequestParam MultiValueMap<String, String> parameters, Model model, HttpServletResponse response) {
		return PlanForm.datedAddress("/check/result", parameters, today())
			.map(dated -> "redirect:" + dated)
			.orElseGet(() -> showResult(parameters, model, response, VIEW_RESULT));
	}

	@GetMapping("/check/sheet")
	String sheet(@RequestParam MultiValueMap<String, String> parameters, Model model, HttpServletResponse response) {
		model.addAttribute("today", today());
		return PlanForm.datedAddress("/check/sheet", parameters, today())
			.map(dated -> "redirect:" + dated)
			.orElseGet(() -> showResult(parameters, model, response, VIEW_SHEET));
	}

	/** The result in one of its views, or the form again (400) with a message by each field to fix. */
	private String showResult(MultiValueMap<String, String> parameters, Model model, HttpServletResponse response,
			String view) {
		var form = ScreeningForm.read(parameters, today());
		if (!form.isValid()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return showForm(form, model);
		}
		addResult(form, parameters, model);
		return view;
	}

	private String showForm(ScreeningForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("groups", groups());
		return VIEW_FORM;
	}

	private void addResult(ScreeningForm form, MultiValueMap<String, String> parameters, Model model) {
		ScreeningResult result = Screening.assess(form.answers(), form.age());
		model.addAttribute("form", form);
		model.addAttribute("result", result);
		model.addAttribute("groups", groups());
		model.addAttribute("query", PlanForm.query(parameters));
	}

	/** The questions in their GAQ-P groups, in order. */
	static Map<ScreeningQuestion.Group, List<ScreeningQuestion>> groups() {
		var groups = new LinkedHashMap<ScreeningQuestion.Group, List<ScreeningQuestion>>();
		for (ScreeningQuestion.Group group : ScreeningQuestion.Group.values()) {
			groups.put(group, Arrays.stream(ScreeningQuestion.values()).filter(q -> q.group() == group).toList());
		}
		return groups;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

}
