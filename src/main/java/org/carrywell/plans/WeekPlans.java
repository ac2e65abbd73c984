package org.carrywell.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import org.carrywell.accounts.CurrentMember;
import org.carrywell.accounts.Profile;
import org.carrywell.accounts.SignedInMember;
import org.carrywell.catalogue.Catalogue;
import org.carrywell.planning.LearnedWeek;
import org.carrywell.planning.PlanGenerator;
import org.carrywell.planning.PlanRequest;
import org.carrywell.planning.WeeklyPlan;
import org.carrywell.progress.PlanLearning;

/**
 * The one way a week's plan is made for a page, a session, a calendar or the API. A member's own plan (an address
 * marked {@code mine=yes}, as {@code /plan/mine} gives it) is made from her profile and kept check on the server,
 * whatever else the address says, and learns from her history: this week's decisions (decided for the week she is
 * in today, never for another) go into the request, and the generator still gives only what the safety engine
 * allows her. For a visitor, or an address without the mark, the plan is made from the address alone (with what
 * her providers asked, when she is signed in).
 */
@Component
public class WeekPlans {

	/** The address parameter that marks a member's own plan. */
	public static final String MINE = "mine";

	private final Catalogue catalogue;

	private final CurrentMember currentMember;

	private final PlanLearning learning;

	private final Clock clock;

	private final ObjectProvider<ProviderAdvice> advice;

	/** How long the generator takes for each plan made (operators' metric; the request's contents are not kept). */
	private final Timer generation;

	WeekPlans(Catalogue catalogue, CurrentMember currentMember, PlanLearning learning, Clock clock,
			ObjectProvider<ProviderAdvice> advice, MeterRegistry meters) {
		this.catalogue = catalogue;
		this.currentMember = currentMember;
		this.learning = learning;
		this.clock = clock;
		this.advice = advice;
		this.generation = Timer.builder("carrywell.plan.generation")
			.description("Time to make one week's plan, safety rules and session choice included")
			.publishPercentileHistogram()
			.register(meters);
	}

	/** A plan made from the request alone (the public API's and a visitor's), timed like every other. */
	public WeeklyPlan generate(PlanRequest request) {
		return generation.record(() -> PlanGenerator.generate(catalogue, request));
	}

	/** Her plan's address: her profile and kept check, marked as her own. */
	public static LinkedMultiValueMap<String, String> profileAddress(SignedInMember member) {
		Profile profile = member.profile();
		var address = new LinkedMultiValueMap<String, String>();
		address.add("dueDate", String.valueOf(profile.dueDate()));
		member.check()
			.ifPresent(check -> check.answers().forEach((question, yes) -> address.add(question.name(), yes ? "yes" : "no")));
		profile.pain().forEach((area, value) -> address.add(PlanForm.PAIN_PREFIX + area.name(), String.valueOf(value)));
		profile.conditions().forEach(condition -> address.add("condition", condition.name()));
		profile.equipment().forEach(equipment -> address.add("equipment", equipment.name()));
		if (profile.floor() != null) {
			address.add("floor", profile.floor() ? "yes" : "no");
		}
		if (profile.priorActivity() != null) {
			address.add("activity", profile.priorActivity().name());
		}
		address.add("minutes", String.valueOf(profile.minutes()));
		address.add("sessions", String.valueOf(profile.sessionsPerWeek()));
		address.add(MINE, "yes");
		return address;
	}

	/** Whether an address is a member's own plan. */
	public static boolean isMine(MultiValueMap<String, String> parameters) {
		return "yes".equals(parameters.getFirst(MINE));
	}

	/** The plan of a valid form's address, for the week she is in on {@code day}. */
	public WeeklyPlan make(MultiValueMap<String, String> parameters, PlanForm form, LocalDate day) {
		if (isMine(parameters)) {
			Optional<SignedInMember> member = currentMember.get();
			if (member.isPresent()) {
				PlanForm own = PlanForm.read(profileAddress(member.get()), day);
				if (own.isValid()) {
					return learned(member.get(), own.toRequest(day));
				}
			}
		}
		// A signed-in member's plan from an address of her own making still keeps what her providers asked.
		PlanRequest request = form.toRequest(day);
		return generate(currentMember.get().map(member -> adviceFor(member.id()).applyTo(request)).orElse(request));
	}

	/** The plan of a request made from her own profile (the API's), learned from her history. */
	public WeeklyPlan makeHers(PlanRequest request) {
		return currentMember.get()
			.map(member -> learned(member, request))
			.orElseGet(() -> generate(request));
	}

	/**
	 * Her own plan for the week she is in on {@code day}, made from her profile and kept check as {@link #make}
	 * makes it for her own address; empty when her profile cannot make one (no due date, or one out of range).
	 * For a page that is not hers: the view her provider opens through a link, her calendar subscription. It
	 * settles nothing: this week's decisions are kept only when she opens her own plan.
	 */
	public Optional<WeeklyPlan> hers(SignedInMember member, LocalDate day) {
		if (member.profile().dueDate() == null) {
			return Optional.empty();
		}
		PlanForm own = PlanForm.read(profileAddress(member), day);
		if (!own.isValid()) {
			return Optional.empty();
		}
		PlanRequest advised = adviceFor(member.id()).applyTo(own.toRequest(day));
		LearnedWeek week = learning.thisWeekAsItStands(member.id(), advised, LocalDate.now(clock));
		return Optional.of(generate(advised.learning(week)));
	}

	/** What her providers asked of her plan (nothing for a visitor). */
	public ProviderAdvice.Advice advice() {
		return currentMember.get().map(member -> adviceFor(member.id())).orElse(ProviderAdvice.Advice.NONE);
	}

	private ProviderAdvice.Advice adviceFor(java.util.UUID member) {
		ProviderAdvice source = advice.getIfAvailable();
		return source == null ? ProviderAdvice.Advice.NONE : source.of(member);
	}

	/**
	 * Her request with what her providers asked (a pin still passes the engine) and this week's decisions: always
	 * the week she is in today, whatever day the plan is for. A cap on minutes comes first, so that the learning
	 * rules grow her plan within it.
	 */
	private WeeklyPlan learned(SignedInMember member, PlanRequest request) {
		LocalDate today = LocalDate.now(clock);
		PlanRequest advised = adviceFor(member.id()).applyTo(request);
		return generate(advised.learning(learning.thisWeek(member.id(), advised, today)));
	}

	/** Her plan's decisions for this week made again from everything up to now (from her profile); false for a visitor. */
	public boolean learnAgain() {
		Optional<SignedInMember> member = currentMember.get();
		if (member.isEmpty()) {
			return false;
		}
		LocalDate today = LocalDate.now(clock);
		PlanForm own = PlanForm.read(profileAddress(member.get()), today);
		if (!own.isValid()) {
			return false;
		}
		learning.again(member.get().id(), adviceFor(member.get().id()).applyTo(own.toRequest(today)), today);
		return true;
	}

}
