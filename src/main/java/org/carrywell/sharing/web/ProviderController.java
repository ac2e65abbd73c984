package org.carrywell.sharing.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

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
import org.carrywell.catalogue.Category;
import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.ExerciseId;
import org.carrywell.planning.WeeklyPlan;
import org.carrywell.plans.ProviderAdvice;
import org.carrywell.progress.ProgressReport;
import org.carrywell.sharing.internal.AdjustmentStore;
import org.carrywell.sharing.internal.FhirExport;
import org.carrywell.sharing.internal.ProviderViews;
import org.carrywell.sharing.internal.ReportPdf;
import org.carrywell.sharing.internal.ShareStore;
import org.carrywell.system.NotFoundException;

/**
 * What the person she shared with opens, with no account. {@code /shared/{token}} holds nothing of hers: a link
 * pasted into a chat or an e-mail is fetched by previews and scanners, which must not receive her data nor count as
 * an opening; its button (a form, which scanners do not press) leads to {@code /shared/{token}/view}, her view for
 * a consultation (and their changes,
 * when the link allows them), with her report as a PDF and a FHIR file. A link she ended, or one past its day,
 * answers 410 on every address under it and says so; a token that was never a link answers 404. Every opening and
 * download is counted on the link (and, the first in each hour, in her activity log). Nothing here is cached or
 * indexed ({@link ProviderLinkHeaders}).
 */
@Controller
class ProviderController {

	static final String VIEW_OPEN = "sharing/open";

	static final String VIEW = "sharing/provider";

	static final String VIEW_ENDED = "sharing/ended";

	private static final Set<String> KINDS = Set.copyOf(Arrays.stream(ProviderAdvice.Kind.values()).map(Enum::name).toList());

	private final ShareStore shares;

	private final AdjustmentStore adjustments;

	private final MemberProfiles members;

	private final ProviderViews views;

	private final ReportPdf pdf;

	private final FhirExport fhir;

	private final MemberActivity activity;

	private final Catalogue catalogue;

	private final Clock clock;

	ProviderController(ShareStore shares, AdjustmentStore adjustments, MemberProfiles members, ProviderViews views,
			ReportPdf pdf, FhirExport fhir, MemberActivity activity, Catalogue catalogue, Clock clock) {
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

	/** The door: says nothing of hers, counts nothing; a person presses "Open" to see her view. */
	@GetMapping("/shared/{token}")
	String door(@PathVariable String token, Model model) {
		find(token);
		model.addAttribute("token", token);
		return VIEW_OPEN;
	}

	/** A person pressed "Open it" on the door: on to her view. */
	@PostMapping("/shared/{token}/open")
	String openView(@PathVariable String token) {
		find(token);
		return "redirect:/shared/" + token + "/view";
	}

	@GetMapping("/shared/{token}/view")
	String view(@PathVariable String token, @RequestParam(name = "weeks", required = false) @Nullable String weeks,
			@RequestParam(name = "saved", required = false) @Nullable String saved, Model model) {
		Opened opened = open(token, "page");
		model.addAttribute("saved", saved != null && KINDS.contains(saved) ? saved : null);
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
		if (!form.hasErrors()
				&& adjustments.activeThroughShare(opened.member().id(), opened.share().id()) >= AdjustmentStore.MAX_ACTIVE_PER_LINK) {
			form = form.withError("kind", "sharing.adjust.error.tooMany");
		}
		if (form.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(opened, token, ProgressReport.DEFAULT_WEEKS, form, model);
		}
		ProviderAdvice.Kind kind = form.validKind();
		adjustments.add(opened.member().id(), opened.share().id(), opened.share().providerName(), kind,
				form.validExercise(), form.validMinutes(), form.message(), clock.instant());
		log(opened, ShareStore.Doing.CHANGE, MemberActivity.Sharing.PROVIDER_ADJUSTED, opened.share().providerName());
		return "redirect:/shared/" + token + "/view?saved=" + kind.name() + "#changes";
	}

	/** The provider takes back a change they made through this link (while it is open). */
	@PostMapping("/shared/{token}/withdraw/{id}")
	String withdraw(@PathVariable String token, @PathVariable String id) {
		Opened opened = find(token);
		long number;
		try {
			number = Long.parseLong(id);
		}
		catch (NumberFormatException notANumber) {
			throw new NotFoundException("change", id);
		}
		adjustments.withdraw(opened.member().id(), opened.share().id(), number, clock.instant())
			.orElseThrow(() -> new NotFoundException("change", id));
		log(opened, ShareStore.Doing.CHANGE, MemberActivity.Sharing.PROVIDER_ADJUSTED, opened.share().providerName());
		return "redirect:/shared/" + token + "/view#changes";
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

	/** Finds the link and counts the opening, on the link and (at most once an hour) in her activity log. */
	private Opened open(String token, String what) {
		Opened opened = find(token);
		shares.opened(opened.share(), clock.instant());
		log(opened, ShareStore.Doing.OPENING, MemberActivity.Sharing.SHARE_OPENED,
				opened.share().providerName() + " · " + what);
		return opened;
	}

	/** Into her activity log, when it is the first opening (or change) through this link in an hour. */
	private void log(Opened opened, ShareStore.Doing doing, MemberActivity.Sharing event, String detail) {
		if (shares.worthLogging(opened.share(), doing, clock.instant())) {
			activity.sharing(opened.member().id(), event, detail);
		}
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
		return views.of(opened.member(), opened.share().providerName(), opened.share().id(), weeks,
				opened.share().showsNotes(), locale);
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
		model.addAttribute("form", form);
		if (opened.share().mayAdjust()) {
			model.addAttribute("planned", planned(view.plan()));
			model.addAttribute("choices", choices(view.plan()));
			model.addAttribute("made", adjustments.throughShare(opened.member().id(), opened.share().id()));
		}
		return VIEW;
	}

	/** The exercises of her plan this week, by name. */
	private static List<Exercise> planned(@Nullable WeeklyPlan plan) {
		if (plan == null) {
			return List.of();
		}
		return plan.sessions()
			.stream()
			.flatMap(session -> session.items().stream())
			.map(WeeklyPlan.Item::exercise)
			.distinct()
			.sorted(Comparator.comparing(Exercise::name))
			.toList();
	}

	/**
	 * Every exercise a provider may pin or leave out, by name, each marked when the safety rules do not allow it her
	 * now (so a pin that cannot happen is seen before it is made). Walking, swimming and cycling are never in a
	 * session: her activity minutes are where they go.
	 */
	private List<ExerciseChoice> choices(@Nullable WeeklyPlan plan) {
		var forbidden = new java.util.HashMap<ExerciseId, String>();
		if (plan != null) {
			plan.leftOut()
				.stream()
				.filter(left -> !left.byProvider() && !left.hits().isEmpty())
				.forEach(left -> forbidden.put(left.exercise().id(), left.hits().get(0).ruleId()));
		}
		return catalogue.exercises()
			.stream()
			.filter(exercise -> exercise.category() != Category.CARDIO)
			.sorted(Comparator.comparing(Exercise::name))
			.map(exercise -> new ExerciseChoice(exercise, forbidden.get(exercise.id())))
			.toList();
	}

	/** @param forbiddenBy the first rule that does not allow it her now, or null when it is allowed */
	public record ExerciseChoice(Exercise exercise, @Nullable String forbiddenBy) {
	}

}
