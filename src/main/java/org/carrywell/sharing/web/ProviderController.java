package org.carrywell.sharing.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

import org.carrywell.accounts.MemberActivity;
import org.carrywell.accounts.MemberProfiles;
import org.carrywell.accounts.SignedInMember;
import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Exercise;
import org.carrywell.plans.ProviderAdvice;
import org.carrywell.progress.ProgressReport;
import org.carrywell.sharing.internal.AdjustmentStore;
import org.carrywell.sharing.internal.FhirExport;
import org.carrywell.sharing.internal.ProviderViews;
import org.carrywell.sharing.internal.ReportPdf;
import org.carrywell.sharing.internal.ShareStore;
import org.carrywell.system.NotFoundException;

/**
 * What the person she shared with opens, with no account: {@code /shared/{token}} is her view for a consultation
 * (and their changes, when the link allows them), with her report as a PDF and a FHIR file. A link she ended, or
 * one past its day, answers 410 and says so; a token that was never a link answers 404. Every opening and download
 * goes into her activity log. Nothing here is cached or indexed ({@link ProviderLinkHeaders}).
 */
@Controller
class ProviderController {

	static final String VIEW = "sharing/provider";

	static final String VIEW_ENDED = "sharing/ended";

	private final ShareStore shares;

	private final AdjustmentStore adjustments;

	private final MemberProfiles members;

	private final ProviderViews views;

	private final ReportPdf pdf;

	private final FhirExport fhir;

	private final MemberActivity activity;

	private final Catalogue catalogue;

	private final java.time.Clock clock;

	ProviderController(ShareStore shares, AdjustmentStore adjustments, MemberProfiles members, ProviderViews views,
			ReportPdf pdf, FhirExport fhir, MemberActivity activity, Catalogue catalogue, java.time.Clock clock) {
		this.shares = shares;
		this.adjustments = adjustments;
		this.members = members;
		this.views = views;
		this.pdf = pdf;
		this.fhir = fhir;
		this.activity = activity;
		this.catalogue = catalogue;
		this.clock = clock;
	}

	/** An open link, and the member who gave it. */
	private record Opened(ShareStore.Share share, SignedInMember member) {
	}

	@GetMapping("/shared/{token}")
	String view(@PathVariable String token, @RequestParam(name = "weeks", required = false) @Nullable String weeks,
			Model model) {
		Opened opened = open(token, "page");
		return show(opened, token, ProgressReport.period(weeks), AdjustmentForm.blank(), model);
	}

	@PostMapping("/shared/{token}/adjust")
	String adjust(@PathVariable String token, @RequestParam MultiValueMap<String, String> parameters, Model model,
			HttpServletResponse response) {
		Opened opened = find(token);
		if (!opened.share().mayAdjust()) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			model.addAttribute("viewOnly", true);
			return show(opened, token, ProgressReport.DEFAULT_WEEKS, AdjustmentForm.blank(), model);
		}
		AdjustmentForm form = AdjustmentForm.read(parameters, catalogue);
		if (form.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(opened, token, ProgressReport.DEFAULT_WEEKS, form, model);
		}
		ProviderAdvice.Kind kind = form.validKind();
		adjustments.add(opened.member().id(), opened.share().id(), opened.share().providerName(), kind,
				form.validExercise(), form.validMinutes(), form.message(), clock.instant());
		activity.sharing(opened.member().id(), MemberActivity.Sharing.PROVIDER_ADJUSTED,
				opened.share().providerName());
		return "redirect:/shared/" + token + "?saved=" + kind.name() + "#changes";
	}

	@GetMapping("/shared/{token}/report.pdf")
	ResponseEntity<byte[]> report(@PathVariable String token,
			@RequestParam(name = "weeks", required = false) @Nullable String weeks) {
		Opened opened = open(token, "PDF");
		Locale locale = LocaleContextHolder.getLocale();
		var view = view(opened, ProgressReport.period(weeks), locale);
		return Downloads.pdf(pdf.render(view, true, locale), view.today());
	}

	@GetMapping("/shared/{token}/fhir.json")
	ResponseEntity<byte[]> fhir(@PathVariable String token,
			@RequestParam(name = "weeks", required = false) @Nullable String weeks) {
		Opened opened = open(token, "FHIR");
		Locale locale = LocaleContextHolder.getLocale();
		var view = view(opened, ProgressReport.period(weeks), locale);
		return Downloads.fhir(fhir.json(view, opened.share().showsNotes(), locale), view.today());
	}

	/** A link she ended, or one past its day: every address under it answers 410 with the page that says so. */
	static final class LinkEnded extends RuntimeException {

		private final boolean revoked;

		LinkEnded(boolean revoked) {
			super(revoked ? "The link was ended by its owner" : "The link has expired", null, false, false);
			this.revoked = revoked;
		}

	}

	@ExceptionHandler(LinkEnded.class)
	@ResponseStatus(HttpStatus.GONE)
	String ended(LinkEnded ended, Model model) {
		model.addAttribute("revoked", ended.revoked);
		return VIEW_ENDED;
	}

	/** Finds the link and counts the opening, in the link and in her activity log. */
	private Opened open(String token, String what) {
		Opened opened = find(token);
		shares.opened(opened.share(), clock.instant());
		activity.sharing(opened.member().id(), MemberActivity.Sharing.SHARE_OPENED,
				opened.share().providerName() + " · " + what);
		return opened;
	}

	private Opened find(String token) {
		ShareStore.Lookup lookup = shares.lookup(token, clock.instant());
		if (lookup instanceof ShareStore.Lookup.Ended ended) {
			throw new LinkEnded(ended.share().revokedAt() != null);
		}
		if (lookup instanceof ShareStore.Lookup.Open open) {
			Optional<SignedInMember> member = members.of(open.share().member());
			if (member.isPresent()) {
				return new Opened(open.share(), member.get());
			}
		}
		throw new NotFoundException("shared link", "");
	}

	private ProviderViews.View view(Opened opened, int weeks, Locale locale) {
		return views.of(opened.member(), opened.share().providerName(), weeks, opened.share().showsNotes(), locale);
	}

	private String show(Opened opened, String token, int weeks, AdjustmentForm form, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("share", opened.share());
		model.addAttribute("token", token);
		model.addAttribute("period", weeks);
		model.addAttribute("periods", ProgressReport.PERIODS);
		var view = view(opened, weeks, locale);
		model.addAttribute("view", view);
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("planned", view.plan() == null ? List.of()
				: view.plan()
					.sessions()
					.stream()
					.flatMap(session -> session.items().stream())
					.map(item -> item.exercise())
					.distinct()
					.sorted(Comparator.comparing(Exercise::name))
					.toList());
		model.addAttribute("form", form);
		model.addAttribute("exercises",
				catalogue.exercises().stream().sorted(Comparator.comparing(Exercise::name)).toList());
		model.addAttribute("made", adjustments.throughShare(opened.member().id(), opened.share().id()));
		return VIEW;
	}

}
