package org.carrywell.plans.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import org.carrywell.accounts.Clearance;
import org.carrywell.accounts.CurrentMember;
import org.carrywell.accounts.SignedInMember;
import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.PainArea;
import org.carrywell.planning.WeeklyPlan;
import org.carrywell.plans.PlanCalendar;
import org.carrywell.plans.PlanCalendars;
import org.carrywell.plans.PlanForm;
import org.carrywell.plans.ProviderAdvice;
import org.carrywell.plans.WeekPlans;
import org.carrywell.safety.Condition;
import org.carrywell.safety.Person;
import org.carrywell.safety.PriorActivity;
import org.carrywell.system.OfflineCopies;
import org.carrywell.system.ApiProblems;
import org.carrywell.system.InvalidParameter;

/**
 * The check-and-plan journey after the check: her pain, time and what she has, then the week. Every page is
 * a GET of the same inputs, so the plan's address reproduces it with no state on the server. The address keeps
 * the day her week was given on ({@code asOf}): opened later, the plan is made again for the week she is in then
 * (rule book v2, the week never freezes), and says so.
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

	private final URI baseUrl;

	private final CurrentMember currentMember;

	private final WeekPlans weekPlans;

	private final PlanCalendars calendars;

	PlanController(Catalogue catalogue, Clock clock, MessageSource messages,
			@Value("${carrywell.base-url}") URI baseUrl, CurrentMember currentMember, WeekPlans weekPlans,
			PlanCalendars calendars) {
		this.calendars = calendars;
		this.currentMember = currentMember;
		this.weekPlans = weekPlans;
		this.catalogue = catalogue;
		this.clock = clock;
		this.messages = messages;
		this.baseUrl = baseUrl;
	}

	@GetMapping("/plan")
	String form(@RequestParam MultiValueMap<String, String> parameters, Model model) {
		// A member whose profile gives her week has a plan already: hers, made from the profile.
		if (parameters.isEmpty() && currentMember.get().map(member -> member.profile().complete()).orElse(false)) {
			return "redirect:/plan/mine";
		}
		Optional<String> dated = PlanForm.datedAddress("/plan", parameters, today());
		if (dated.isPresent()) {
			return "redirect:" + dated.get();
		}
		PlanForm form = PlanForm.read(parameters, today()).withoutErrors();
		if (!form.hasScreening()) {
			return VIEW_START;
		}
		model.addAttribute("checkQuery", PlanForm.query(screeningOnly(parameters)));
		return showForm(form, model);
	}

	@GetMapping("/plan/week")
	String week(@RequestParam MultiValueMap<String, String> parameters, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return showPlan("/plan/week", parameters, model, request, response, VIEW_WEEK);
	}

	@GetMapping("/plan/print")
	String print(@RequestParam MultiValueMap<String, String> parameters, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return showPlan("/plan/print", parameters, model, request, response, VIEW_PRINT);
	}

	/**
	 * The week's sessions as weekly events at the time she picks, from the day she picks, until the next week at
	 * which a rule or an outcome changes (at most four weeks); then one event that asks her to make the plan again.
	 */
	@GetMapping(path = "/plan/calendar.ics")
	ResponseEntity<?> calendar(@RequestParam MultiValueMap<String, String> parameters, HttpServletRequest request) {
		LocalDate today = today();
		Optional<String> dated = PlanForm.datedAddress("/plan/calendar.ics", parameters, today);
		if (dated.isPresent()) {
			return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, dated.get()).build();
		}
		PlanForm form = PlanForm.read(parameters, today);
		LocalTime time = parse(parameters.getFirst("time"), LocalTime::parse, LocalTime.of(18, 0));
		LocalDate start = parse(parameters.getFirst("start"), LocalDate::parse, today);
		LocalDate from = start == null || start.isBefore(today) ? today : start;
		Person person = form.person();
		boolean startOutsidePregnancy = person != null && person.pregnancy().weekOn(from).isEmpty();
		if (!form.isValid() || person == null || time == null || start == null || startOutsidePregnancy) {
			return invalidCalendarRequest(form, parameters, time == null, start == null || startOutsidePregnancy,
					request);
		}
		WeeklyPlan plan = weekPlans.make(parameters, form, from);
		var window = PlanCalendar.Window.from(person.pregnancy(), from);
		// From the site's configured address: a calendar keeps its links for weeks, and the Host header of the
		// request that made it is not to be trusted.
		String planUrl = UriComponentsBuilder.fromUri(baseUrl)
			.replacePath("/plan/week")
			.replaceQueryParams(withoutCalendarFields(parameters))
			.build()
			.encode()
			.toUriString();
		var locale = LocaleContextHolder.getLocale();
		// A downloaded calendar is its address's: the same address gives the same events.
		String ics = PlanCalendar.write("carrywell-" + Integer.toHexString(planUrl.hashCode()), plan, from,
				window.until(), window.renewWeek(), time, planUrl,
				calendars.words(plan, providerClearance(form).isPresent(), "plan.calendar.renew", locale));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/calendar; charset=utf-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("carrywell-plan.ics").build().toString())
			.body(ics);
	}

	/**
	 * Her provider's clearance, when she is a signed-in member who recorded one for exactly the answers this plan
	 * is made from (rule book v2: the reminder stops then).
	 */
	private Optional<Clearance> providerClearance(PlanForm form) {
		return currentMember.get()
			.flatMap(SignedInMember::check)
			.map(check -> check.clearanceFor(form.screening().answers()));
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

	private String showPlan(String path, MultiValueMap<String, String> parameters, Model model,
			HttpServletRequest request, HttpServletResponse response, String view) {
		LocalDate today = today();
		Optional<String> dated = PlanForm.datedAddress(path, parameters, today);
		if (dated.isPresent()) {
			return "redirect:" + dated.get();
		}
		PlanForm form = PlanForm.read(parameters, today);
		if (!form.hasScreening()) {
			return VIEW_START;
		}
		model.addAttribute("checkQuery", PlanForm.query(screeningOnly(parameters)));
		if (!form.isValid() || form.person() == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return showForm(form, model);
		}
		Person person = form.person();
		WeeklyPlan plan = weekPlans.make(parameters, form, today);
		model.addAttribute("form", form);
		model.addAttribute("plan", plan);
		model.addAttribute("clearance", providerClearance(form).orElse(null));
		model.addAttribute("query", PlanForm.query(parameters));
		model.addAttribute("inputs", parameters);
		boolean mine = WeekPlans.isMine(parameters) && currentMember.get().isPresent();
		model.addAttribute("mine", mine);
		model.addAttribute("advice", mine ? weekPlans.advice() : ProviderAdvice.Advice.NONE);
		model.addAttribute("today", today);
		model.addAttribute("movedOn", movedOn(form, person, today));
		var pregnancy = person.pregnancy();
		model.addAttribute("renewal", pregnancy.nextBoundaryWeekAfter(today)
			.map(week -> new Renewal(week, pregnancy.firstDayOfWeek(week)))
			.orElse(null));
		boolean herWeek = mine || currentMember.get().isEmpty();
		model.addAttribute("keptOffline", herWeek);
		if (VIEW_WEEK.equals(view) && herWeek) {
			// Her week, kept on her device for when there is no network, with its sessions (docs/offline.md): a
			// member's own plan, or a visitor's; never a plan a member only looks at.
			OfflineCopies.keepAsThisWeek(request, response, pregnancy.sameRulesUntil(today, OfflineCopies.MOST_DAYS));
		}
		return view;
	}

	/**
	 * When the address gives a week on an earlier day and she has moved into a later week since: the week she gave,
	 * the day she gave it, and the week the plan is made for now.
	 */
	private static @Nullable MovedOn movedOn(PlanForm form, Person person, LocalDate today) {
		String weeks = form.screening().weeks();
		String asOf = form.screening().asOf();
		if (weeks.isEmpty() || asOf.isEmpty()) {
			return null;
		}
		LocalDate given = LocalDate.parse(asOf);
		int then = person.weekOn(given).weeks();
		int now = person.weekOn(today).weeks();
		return now == then ? null : new MovedOn(then, given, now);
	}

	/** The next week at which a rule or an outcome changes, and the day it starts. */
	record Renewal(int week, LocalDate on) {
	}

	/** The week she gave on a day, and the week she is in today. */
	record MovedOn(int givenWeek, LocalDate givenOn, int weekNow) {
	}

	private String showForm(PlanForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("areas", PainArea.values());
		model.addAttribute("conditions", Condition.values());
		model.addAttribute("equipment", Equipment.values());
		model.addAttribute("activities", PriorActivity.values());
		model.addAttribute("screeningAnswers", form.screening().answers());
		return VIEW_FORM;
	}

	/** The check's own fields, to go back to the check with the same answers. */
	private static MultiValueMap<String, String> screeningOnly(MultiValueMap<String, String> parameters) {
		var only = new LinkedMultiValueMap<String, String>();
		parameters.forEach((name, values) -> {
			if (PlanForm.isScreeningField(name) || PlanForm.WEEK_FIELDS.contains(name)) {
				only.put(name, values);
			}
		});
		return only;
	}

	private static MultiValueMap<String, String> withoutCalendarFields(MultiValueMap<String, String> parameters) {
		var copy = new LinkedMultiValueMap<>(parameters);
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
