package org.carrywell.plans.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.PainArea;
import org.carrywell.planning.PlanGenerator;
import org.carrywell.planning.WeeklyPlan;
import org.carrywell.safety.Condition;
import org.carrywell.system.ApiProblems;
import org.carrywell.system.InvalidParameter;

/**
 * The check-and-plan journey after the check: her pain, time and what she has, then the week. Every page is
 * a GET of the same inputs, so the plan's address reproduces it exactly: bookmarkable and shareable, with no
 * state on the server.
 */
@Controller
class PlanController {

	static final String VIEW_START = "plans/plan-start";

	static final String VIEW_FORM = "plans/plan-form";

	static final String VIEW_WEEK = "plans/plan-week";

	static final String VIEW_PRINT = "plans/plan-print";

	private final Catalogue catalogue;

	private final Clock clock;

	private final MessageSource messages;

	PlanController(Catalogue catalogue, Clock clock, MessageSource messages) {
		this.catalogue = catalogue;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping("/plan")
	String form(@RequestParam MultiValueMap<String, String> parameters, Model model) {
		PlanForm form = PlanForm.read(parameters, today()).withoutErrors();
		if (!form.hasScreening()) {
			return VIEW_START;
		}
		model.addAttribute("checkQuery", query(screeningOnly(parameters)));
		return showForm(form, model);
	}

	@GetMapping("/plan/week")
	String week(@RequestParam MultiValueMap<String, String> parameters, Model model, HttpServletResponse response) {
		return showPlan(parameters, model, response, VIEW_WEEK);
	}

	@GetMapping("/plan/print")
	String print(@RequestParam MultiValueMap<String, String> parameters, Model model, HttpServletResponse response) {
		return showPlan(parameters, model, response, VIEW_PRINT);
	}

	/** The week's sessions as weekly events at the time she picks, from the date she picks, for four weeks. */
	@GetMapping(path = "/plan/calendar.ics")
	ResponseEntity<?> calendar(@RequestParam MultiValueMap<String, String> parameters, HttpServletRequest request) {
		PlanForm form = PlanForm.read(parameters, today());
		LocalTime time = parse(parameters.getFirst("time"), LocalTime::parse, LocalTime.of(18, 0));
		LocalDate start = parse(parameters.getFirst("start"), LocalDate::parse, today());
		if (!form.isValid() || time == null || start == null) {
			return invalidCalendarRequest(form, parameters, time == null, start == null, request);
		}
		WeeklyPlan plan = PlanGenerator.generate(catalogue, form.toRequest());
		String planUrl = UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
			.replacePath("/plan/week")
			.replaceQueryParams(withoutCalendarFields(parameters))
			.build()
			.encode()
			.toUriString();
		var locale = LocaleContextHolder.getLocale();
		String ics = PlanCalendar.write(plan, start, time, planUrl,
				minutes -> messages.getMessage("plan.calendar.title", new Object[] { minutes }, locale),
				messages.getMessage("plan.calendar.stop", null, locale));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/calendar; charset=utf-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("carrywell-plan.ics").build().toString())
			.body(ics);
	}

	/** A problem detail naming every field that kept the calendar from being made. */
	private ResponseEntity<ProblemDetail> invalidCalendarRequest(PlanForm form, MultiValueMap<String, String> parameters,
			boolean badTime, boolean badStart, HttpServletRequest request) {
		var locale = LocaleContextHolder.getLocale();
		var invalid = new ArrayList<InvalidParameter>();
		var errors = new LinkedHashMap<String, String>(form.screening().errors());
		errors.putAll(form.errors());
		errors.forEach((field, key) -> invalid.add(new InvalidParameter(field, String.valueOf(parameters.getFirst(field)),
				messages.getMessage(key, null, key, locale), List.of())));
		if (badTime) {
			invalid.add(new InvalidParameter("time", String.valueOf(parameters.getFirst("time")),
					messages.getMessage("plan.calendar.error.time", null, locale), List.of()));
		}
		if (badStart) {
			invalid.add(new InvalidParameter("start", String.valueOf(parameters.getFirst("start")),
					messages.getMessage("plan.calendar.error.start", null, locale), List.of()));
		}
		return ApiProblems.invalid(invalid, request);
	}

	private String showPlan(MultiValueMap<String, String> parameters, Model model, HttpServletResponse response,
			String view) {
		PlanForm form = PlanForm.read(parameters, today());
		if (!form.hasScreening()) {
			return VIEW_START;
		}
		model.addAttribute("checkQuery", query(screeningOnly(parameters)));
		if (!form.isValid()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return showForm(form, model);
		}
		WeeklyPlan plan = PlanGenerator.generate(catalogue, form.toRequest());
		model.addAttribute("form", form);
		model.addAttribute("plan", plan);
		model.addAttribute("query", query(parameters));
		model.addAttribute("inputs", parameters);
		model.addAttribute("checkQuery", query(screeningOnly(parameters)));
		model.addAttribute("today", today());
		return view;
	}

	private String showForm(PlanForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("areas", PainArea.values());
		model.addAttribute("conditions", Condition.values());
		model.addAttribute("equipment", Equipment.values());
		model.addAttribute("screeningAnswers", form.screening().answers());
		return VIEW_FORM;
	}

	private static String query(MultiValueMap<String, String> parameters) {
		String query = UriComponentsBuilder.newInstance().queryParams(parameters).build().encode().getQuery();
		return query == null ? "" : query;
	}

	/** The check's own fields, to go back to the check with the same answers. */
	private static MultiValueMap<String, String> screeningOnly(MultiValueMap<String, String> parameters) {
		var only = new org.springframework.util.LinkedMultiValueMap<String, String>();
		parameters.forEach((name, values) -> {
			if (name.matches("[A-Z][A-Z_]*") || name.equals("weeks") || name.equals("dueDate")) {
				only.put(name, values);
			}
		});
		return only;
	}

	private static MultiValueMap<String, String> withoutCalendarFields(MultiValueMap<String, String> parameters) {
		var copy = new org.springframework.util.LinkedMultiValueMap<>(parameters);
		copy.remove("time");
		copy.remove("start");
		return copy;
	}

	private static <T> @Nullable T parse(@Nullable String value, java.util.function.Function<String, T> parser,
			T fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return parser.apply(value.trim());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}


}
