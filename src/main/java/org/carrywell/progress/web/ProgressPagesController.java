package org.carrywell.progress.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
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
import org.carrywell.progress.ProgressReport;
import org.carrywell.progress.WarningSignLog;
import org.carrywell.progress.WeekTotals;
import org.carrywell.progress.internal.ActivityStore;
import org.carrywell.progress.internal.DiaryStore;
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

	private final CurrentMember currentMember;

	private final DiaryStore diary;

	private final ActivityStore activity;

	private final ProgressReport report;

	private final WarningSignLog warningSigns;

	private final Clock clock;

	ProgressPagesController(CurrentMember currentMember, DiaryStore diary, ActivityStore activity,
			ProgressReport report, WarningSignLog warningSigns, Clock clock) {
		this.currentMember = currentMember;
		this.diary = diary;
		this.activity = activity;
		this.report = report;
		this.warningSigns = warningSigns;
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
		int count = ProgressReport.period(asked);
		UUID member = member().id();
		var shown = report.of(member, count, LocaleContextHolder.getLocale());
		model.addAttribute("period", count);
		model.addAttribute("periods", ProgressReport.PERIODS);
		model.addAttribute("report", shown);
		// The warning-sign checks she made in the period, newest first: kept for her, and for whom she shares with.
		var checks = new ArrayList<>(warningSigns.between(member, shown.from(), shown.to()));
		java.util.Collections.reverse(checks);
		model.addAttribute("checks", checks);
		model.addAttribute("zone", clock.getZone());
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
