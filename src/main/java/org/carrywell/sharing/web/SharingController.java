package org.carrywell.sharing.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import org.carrywell.accounts.CurrentMember;
import org.carrywell.accounts.MemberActivity;
import org.carrywell.accounts.SignedInMember;
import org.carrywell.progress.ProgressReport;
import org.carrywell.sharing.internal.AdjustmentStore;
import org.carrywell.sharing.internal.CalendarFeeds;
import org.carrywell.sharing.internal.FhirExport;
import org.carrywell.sharing.internal.ProviderViews;
import org.carrywell.sharing.internal.ReportPdf;
import org.carrywell.sharing.internal.ShareStore;
import org.carrywell.system.NotFoundException;

/**
 * Her side of sharing, at {@code /sharing}: the links she has given (and ends), what her providers changed (and
 * she undoes), her calendar address, and her own report as a PDF and a FHIR file. A new link or calendar address is
 * shown once, right after she makes it: only its hash is kept.
 */
@Controller
class SharingController {

	static final String VIEW = "sharing/sharing";

	static final String VIEW_PREVIEW = "sharing/preview";

	private final CurrentMember currentMember;

	private final ShareStore shares;

	private final AdjustmentStore adjustments;

	private final CalendarFeeds feeds;

	private final ProviderViews views;

	private final ReportPdf pdf;

	private final FhirExport fhir;

	private final MemberActivity activity;

	private final URI baseUrl;

	private final Clock clock;

	SharingController(CurrentMember currentMember, ShareStore shares, AdjustmentStore adjustments, CalendarFeeds feeds,
			ProviderViews views, ReportPdf pdf, FhirExport fhir, MemberActivity activity,
			@Value("${carrywell.base-url}") URI baseUrl, Clock clock) {
		this.currentMember = currentMember;
		this.shares = shares;
		this.adjustments = adjustments;
		this.feeds = feeds;
		this.views = views;
		this.pdf = pdf;
		this.fhir = fhir;
		this.activity = activity;
		this.baseUrl = baseUrl;
		this.clock = clock;
	}

	@GetMapping("/sharing")
	String page(Model model) {
		return show(member(), ShareForm.blank(), model);
	}

	/**
	 * Makes the link and shows it on this very answer, the one exception to post-redirect-get here: a redirect would
	 * have to carry the token through her session, and so into the session table; this way it is never stored
	 * anywhere, and the answer is not kept by the browser either.
	 */
	@PostMapping("/sharing")
	String create(@RequestParam MultiValueMap<String, String> parameters, Model model, HttpServletResponse response) {
		SignedInMember member = member();
		ShareForm form = ShareForm.read(parameters);
		if (form.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(member, form, model);
		}
		var created = shares.create(member.id(), form.name(), form.mayAdjust(), form.notes(),
				Duration.ofDays(form.validDays()), clock.instant());
		activity.sharing(member.id(), MemberActivity.Sharing.SHARE_CREATED, form.name());
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("createdLink", address("/shared/" + created.token()));
		model.addAttribute("createdFor", form.name());
		return show(member, ShareForm.blank(), model);
	}

	/** Ends a link at once; with {@code undo=yes}, everything changed through it is undone too. */
	@PostMapping("/sharing/{id}/revoke")
	String revoke(@PathVariable String id, @RequestParam(name = "undo", required = false) @Nullable String undo) {
		SignedInMember member = member();
		UUID shareId = uuid(id);
		if (shares.of(member.id()).stream().noneMatch(share -> share.id().equals(shareId))) {
			throw new NotFoundException("share", id);
		}
		var now = clock.instant();
		var ended = shares.revoke(member.id(), shareId, now);
		ended.ifPresent(share -> activity.sharing(member.id(), MemberActivity.Sharing.SHARE_REVOKED, share.providerName()));
		if ("yes".equals(undo) && adjustments.undoThroughShare(member.id(), shareId, now) > 0) {
			activity.sharing(member.id(), MemberActivity.Sharing.ADJUSTMENT_UNDONE,
					ended.map(ShareStore.Share::providerName).orElse(""));
		}
		return "redirect:/sharing?revoked";
	}

	/** She undoes one change a provider made; back to where she pressed it (her plan, or this page). */
	@PostMapping("/sharing/advice/{id}/undo")
	String undo(@PathVariable String id, @RequestParam(name = "back", required = false) @Nullable String back) {
		SignedInMember member = member();
		long number;
		try {
			number = Long.parseLong(id);
		}
		catch (NumberFormatException notANumber) {
			throw new NotFoundException("change", id);
		}
		if (adjustments.history(member.id()).stream().noneMatch(item -> item.adjustment().id() == number)) {
			throw new NotFoundException("change", id);
		}
		adjustments.undo(member.id(), number, clock.instant())
			.ifPresent(undone -> activity.sharing(member.id(), MemberActivity.Sharing.ADJUSTMENT_UNDONE, undone.by()));
		return "plan".equals(back) ? "redirect:/plan/mine" : "redirect:/sharing?undone#changes";
	}

	/** A new calendar address, shown on this answer only (as a new link is, and for the same reason). */
	@PostMapping("/sharing/calendar")
	String calendar(@RequestParam(name = "time", required = false) @Nullable String time, Model model,
			HttpServletResponse response) {
		SignedInMember member = member();
		LocalTime at = time(time);
		if (at == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("calendarError", "sharing.calendar.error.time");
			model.addAttribute("calendarTime", time == null ? "" : time);
			return show(member, ShareForm.blank(), model);
		}
		String token = feeds.renew(member.id(), at, clock.instant());
		activity.sharing(member.id(), MemberActivity.Sharing.CALENDAR_FEED_STARTED, at.toString());
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("calendarLink", address("/calendar/" + token + ".ics"));
		return show(member, ShareForm.blank(), model);
	}

	@PostMapping("/sharing/calendar/stop")
	String stopCalendar() {
		SignedInMember member = member();
		if (feeds.stop(member.id())) {
			activity.sharing(member.id(), MemberActivity.Sharing.CALENDAR_FEED_STOPPED, "");
		}
		return "redirect:/sharing?calendarOff#calendar";
	}

	/** What the person a link names sees through it, without counting as an opening. */
	@GetMapping("/sharing/{id}/preview")
	String preview(@PathVariable String id, @RequestParam(name = "weeks", required = false) @Nullable String weeks,
			Model model) {
		SignedInMember member = member();
		UUID shareId = uuid(id);
		var share = shares.of(member.id())
			.stream()
			.filter(candidate -> candidate.id().equals(shareId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("share", id));
		int period = ProgressReport.period(weeks);
		model.addAttribute("share", share);
		model.addAttribute("period", period);
		model.addAttribute("periods", ProgressReport.PERIODS);
		model.addAttribute("view", views.of(member, share.providerName(), share.id(), period, share.showsNotes(),
				LocaleContextHolder.getLocale()));
		return VIEW_PREVIEW;
	}

	@GetMapping("/sharing/report.pdf")
	ResponseEntity<byte[]> report(@RequestParam(name = "weeks", required = false) @Nullable String weeks) {
		SignedInMember member = member();
		var view = views.of(member, "", null, ProgressReport.period(weeks), true, LocaleContextHolder.getLocale());
		return Downloads.pdf(pdf.render(view, false, LocaleContextHolder.getLocale()), view.today());
	}

	@GetMapping("/sharing/fhir.json")
	ResponseEntity<byte[]> fhir(@RequestParam(name = "weeks", required = false) @Nullable String weeks) {
		SignedInMember member = member();
		var view = views.of(member, "", null, ProgressReport.period(weeks), true, LocaleContextHolder.getLocale());
		return Downloads.fhir(fhir.json(view, true, LocaleContextHolder.getLocale()), view.today());
	}

	private String show(SignedInMember member, ShareForm form, Model model) {
		var now = clock.instant();
		model.addAttribute("form", form);
		model.addAttribute("shares", shares.of(member.id()));
		model.addAttribute("now", now);
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("changes", adjustments.history(member.id()));
		model.addAttribute("feed", feeds.of(member.id()).orElse(null));
		model.addAttribute("maxDays", ShareStore.MAX_DAYS);
		model.addAttribute("periods", ProgressReport.PERIODS);
		model.addAttribute("defaultPeriod", ProgressReport.DEFAULT_WEEKS);
		model.addAttribute("hasDueDate", member.profile().dueDate() != null);
		if (!model.containsAttribute("calendarTime")) {
			model.addAttribute("calendarTime",
					feeds.of(member.id()).map(feed -> feed.time().toString()).orElse("18:00"));
		}
		return VIEW;
	}

	private String address(String path) {
		return UriComponentsBuilder.fromUri(baseUrl).replacePath(path).replaceQuery(null).build().toUriString();
	}

	private static @Nullable LocalTime time(@Nullable String value) {
		if (value == null || !value.strip().matches("\\d{2}:\\d{2}")) {
			return null;
		}
		try {
			return LocalTime.parse(value.strip());
		}
		catch (DateTimeParseException notATime) {
			return null;
		}
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException notAnId) {
			throw new NotFoundException("share", id);
		}
	}

	private SignedInMember member() {
		return currentMember.get().orElseThrow(() -> new NotFoundException("member", ""));
	}

}
