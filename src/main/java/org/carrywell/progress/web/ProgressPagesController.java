package org.carrywell.progress.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.carrywell.accounts.CurrentMember;
import org.carrywell.accounts.SignedInMember;
import org.carrywell.catalogue.PainArea;
import org.carrywell.progress.PlanLearning;
import org.carrywell.progress.SessionRecord;
import org.carrywell.progress.internal.ActivityStore;
import org.carrywell.progress.internal.DiaryStore;
import org.carrywell.progress.internal.LearnedWeekStore;
import org.carrywell.progress.internal.SessionResultStore;
import org.carrywell.progress.internal.WeekTotals;
import org.carrywell.safety.Pregnancy;
import org.carrywell.system.NotFoundException;

/**
 * Her progress pages: the pain diary, activity minutes, and "is it helping?" with her own numbers. Forms post,
 * then redirect (post-redirect-get); a form with a mistake is shown again with her input and the field named.
 */
@Controller
class ProgressPagesController {

	static final String VIEW_HELPING = "progress/helping";

	static final String VIEW_DIARY = "progress/diary";

	static final String VIEW_ACTIVITY = "progress/activity";

	/** The periods "is it helping?" offers, in weeks. */
	static final List<Integer> PERIODS = List.of(4, 8, 12);

	private final CurrentMember currentMember;

	private final DiaryStore diary;

	private final ActivityStore activity;

	private final SessionResultStore sessions;

	private final LearnedWeekStore weeks;

	private final MessageSource messages;

	private final Clock clock;

	ProgressPagesController(CurrentMember currentMember, DiaryStore diary, ActivityStore activity,
			SessionResultStore sessions, LearnedWeekStore weeks, MessageSource messages, Clock clock) {
		this.currentMember = currentMember;
		this.diary = diary;
		this.activity = activity;
		this.sessions = sessions;
		this.weeks = weeks;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/progress/diary")
	String diary(@RequestParam(required = false) @Nullable String day, Model model) {
		SignedInMember member = member();
		LocalDate today = LocalDate.now(clock);
		// A day the form does not accept (an address someone typed): today's entry instead.
		LocalDate entryDay = java.util.Objects.requireNonNullElse(DiaryForm.shown(day, today), today);
		DiaryForm form = diary.on(member.id(), entryDay)
			.map(DiaryForm::of)
			.orElseGet(() -> new DiaryForm(entryDay, Map.of(), false, "", Map.of()));
		return showDiary(member, form, model);
	}

	@PostMapping("/progress/diary")
	String saveDiary(@RequestParam MultiValueMap<String, String> parameters, Model model,
			HttpServletResponse response) {
		SignedInMember member = member();
		DiaryForm form = DiaryForm.read(parameters, LocalDate.now(clock));
		if (form.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return showDiary(member, form, model);
		}
		DiaryStore.Entry entry = form.entry();
		diary.save(member.id(), entry, clock.instant());
		boolean offer = entry.offersWarningCheck(diary.before(member.id(), entry.day()));
		return "redirect:/progress/diary?day=" + entry.day() + (offer ? "&offer" : "&saved");
	}

	private String showDiary(SignedInMember member, DiaryForm form, Model model) {
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("form", form);
		model.addAttribute("areas", areasFor(member, form.pain().keySet()));
		model.addAttribute("today", today);
		model.addAttribute("earliest", today.minusDays(DiaryForm.DAYS_BACK));
		model.addAttribute("recent", reversed(diary.between(member.id(), today.minusDays(13), today)));
		model.addAttribute("weeks", weeksPregnant(member, today));
		return VIEW_DIARY;
	}

	@GetMapping("/progress/activity")
	String activity(@RequestParam(required = false) @Nullable String day, Model model) {
		SignedInMember member = member();
		LocalDate today = LocalDate.now(clock);
		LocalDate shown = java.util.Objects.requireNonNullElse(DiaryForm.shown(day, today), today);
		var minutes = new java.util.EnumMap<ActivityStore.Kind, Integer>(ActivityStore.Kind.class);
		activity.between(member.id(), shown, shown).forEach(entry -> minutes.put(entry.kind(), entry.minutes()));
		return showActivity(member, new ActivityForm(shown, minutes, Map.of()), model);
	}

	@PostMapping("/progress/activity")
	String saveActivity(@RequestParam MultiValueMap<String, String> parameters, Model model,
			HttpServletResponse response) {
		SignedInMember member = member();
		ActivityForm form = ActivityForm.read(parameters, LocalDate.now(clock));
		if (form.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return showActivity(member, form, model);
		}
		form.minutes().forEach((kind, minutes) -> activity.set(member.id(), new ActivityStore.Entry(form.day(), kind, minutes)));
		return "redirect:/progress/activity?day=" + form.day() + "&saved";
	}

	private String showActivity(SignedInMember member, ActivityForm form, Model model) {
		LocalDate today = LocalDate.now(clock);
		LocalDate weekStart = PlanLearning.weekStart(today);
		var thisWeek = WeekTotals.activityWeeks(activity.between(member.id(), weekStart, today), weekStart, today).get(0);
		model.addAttribute("form", form);
		model.addAttribute("kinds", ActivityStore.Kind.values());
		model.addAttribute("today", today);
		model.addAttribute("earliest", today.minusDays(DiaryForm.DAYS_BACK));
		model.addAttribute("thisWeek", thisWeek);
		model.addAttribute("guidelineMinutes", WeekTotals.GUIDELINE_MINUTES);
		model.addAttribute("guidelineDays", WeekTotals.GUIDELINE_DAYS);
		return VIEW_ACTIVITY;
	}

	/** "Is it helping?": her pain by area, sessions against planned and activity against the guideline, by week. */
	@GetMapping("/progress")
	String helping(@RequestParam(name = "weeks", required = false) @Nullable String asked, Model model) {
		UUID id = member().id();
		int count = PERIODS.stream().filter(period -> String.valueOf(period).equals(asked)).findFirst().orElse(8);
		LocalDate today = LocalDate.now(clock);
		LocalDate from = PlanLearning.weekStart(today).minusWeeks(count - 1);
		var locale = LocaleContextHolder.getLocale();
		var format = DateTimeFormatter.ofPattern("d MMM", locale);
		List<LocalDate> mondays = WeekTotals.weeks(from, today);
		List<String> labels = mondays.stream().map(format::format).toList();

		var painWeeks = WeekTotals.painWeeks(diary.between(id, from, today), from, today);
		List<PainArea> areas = new ArrayList<>(EnumSet.noneOf(PainArea.class));
		for (PainArea area : PainArea.values()) {
			if (painWeeks.stream().anyMatch(week -> week.average().containsKey(area))) {
				areas.add(area);
			}
		}
		var painValues = new ArrayList<Double[]>();
		for (PainArea area : areas) {
			painValues.add(painWeeks.stream().map(week -> week.average().get(area)).toArray(Double[]::new));
		}
		var areaNames = areas.stream().map(area -> messages.getMessage("area." + area, null, locale)).toList();

		var zone = clock.getZone();
		List<SessionRecord> done = sessions.between(id, from.atStartOfDay(zone).toInstant(),
				today.plusDays(1).atStartOfDay(zone).toInstant());
		var planned = new java.util.HashMap<LocalDate, Integer>();
		weeks.since(id, from).forEach(week -> planned.put(week.learned().weekStart(), week.sessionsPlanned()));
		var sessionWeeks = mondays.stream()
			.map(monday -> new WeekTotals.SessionWeek(monday,
					(int) done.stream().filter(s -> WeekTotals.inWeek(s.startedAt().atZone(zone).toLocalDate(), monday)).count(),
					planned.get(monday)))
			.toList();

		var activityWeeks = WeekTotals.activityWeeks(activity.between(id, from, today), from, today);

		model.addAttribute("period", count);
		model.addAttribute("periods", PERIODS);
		model.addAttribute("labels", labels);
		model.addAttribute("mondays", mondays);
		model.addAttribute("areas", areas);
		model.addAttribute("areaNames", areaNames);
		model.addAttribute("painWeeks", painWeeks);
		model.addAttribute("painChart", Charts.lines(labels, areaNames, painValues));
		model.addAttribute("sessionWeeks", sessionWeeks);
		model.addAttribute("sessionChart", Charts.bars(labels,
				sessionWeeks.stream().mapToInt(WeekTotals.SessionWeek::done).toArray(),
				sessionWeeks.stream().mapToInt(week -> week.planned() == null ? 0 : week.planned()).toArray(), null,
				highest -> (double) Math.max(4, highest)));
		model.addAttribute("activityWeeks", activityWeeks);
		model.addAttribute("activityChart", Charts.bars(labels,
				activityWeeks.stream().mapToInt(WeekTotals.ActivityWeek::minutes).toArray(), null,
				WeekTotals.GUIDELINE_MINUTES, highest -> Math.ceil(highest / 50.0) * 50));
		// Ticks fall on round numbers: a maximum of 150 minutes gives 0, 50, 100, 150.
		model.addAttribute("summary", Summary.of(painWeeks, areas, sessionWeeks, activityWeeks, today, messages, locale));
		return VIEW_HELPING;
	}

	/** The areas the diary asks about: those in her profile that hurt, those she rated, else the lower back. */
	static List<PainArea> areasFor(SignedInMember member, Set<PainArea> rated) {
		var areas = EnumSet.noneOf(PainArea.class);
		member.profile().pain().forEach((area, intensity) -> {
			if (intensity > 0) {
				areas.add(area);
			}
		});
		areas.addAll(rated);
		if (areas.isEmpty()) {
			areas.add(PainArea.LOWER_BACK);
		}
		return List.copyOf(areas);
	}

	/** Her week today, for the warning-sign check (which reads the week-dependent signs); empty when unknown. */
	private String weeksPregnant(SignedInMember member, LocalDate today) {
		LocalDate due = member.profile().dueDate();
		if (due == null) {
			return "";
		}
		return new Pregnancy(due, 0).weekOn(today).map(age -> String.valueOf(age.weeks())).orElse("");
	}

	private static <T> List<T> reversed(List<T> list) {
		var copy = new ArrayList<>(list);
		java.util.Collections.reverse(copy);
		return copy;
	}

	private SignedInMember member() {
		return currentMember.get().orElseThrow(() -> new NotFoundException("member", ""));
	}

}
