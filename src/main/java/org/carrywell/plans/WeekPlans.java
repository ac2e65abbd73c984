package org.carrywell.plans;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

import org.carrywell.accounts.CurrentMember;
import org.carrywell.accounts.SignedInMember;
import org.carrywell.catalogue.Catalogue;
import org.carrywell.planning.PlanGenerator;
import org.carrywell.planning.PlanRequest;
import org.carrywell.planning.WeeklyPlan;
import org.carrywell.progress.PlanLearning;

/**
 * The one way a week's plan is made for a page, a session, a calendar or the API. A member's own plan (her
 * profile's address, marked {@code mine=yes}) learns from her history: the learning rules' decisions for this week
 * go into the request, and the generator still gives only what the safety engine allows her today. For anyone
 * else, or a member opening another address, the plan is made from the address alone.
 */
@Component
public class WeekPlans {

	/** The address parameter that marks a member's own plan. */
	public static final String MINE = "mine";

	private final Catalogue catalogue;

	private final CurrentMember currentMember;

	private final PlanLearning learning;

	WeekPlans(Catalogue catalogue, CurrentMember currentMember, PlanLearning learning) {
		this.catalogue = catalogue;
		this.currentMember = currentMember;
		this.learning = learning;
	}

	/** Whether an address is a member's own plan. */
	public static boolean isMine(MultiValueMap<String, String> parameters) {
		return "yes".equals(parameters.getFirst(MINE));
	}

	/** The plan of a valid form's address, for the week she is in on {@code day}. */
	public WeeklyPlan make(MultiValueMap<String, String> parameters, PlanForm form, LocalDate day) {
		return make(form.toRequest(day), isMine(parameters), day);
	}

	/** The plan of a request; {@code mine} when it is made from her own profile. */
	public WeeklyPlan make(PlanRequest request, boolean mine, LocalDate day) {
		Optional<SignedInMember> member = mine ? currentMember.get() : Optional.empty();
		PlanRequest learned = member.map(her -> request.learning(learning.thisWeek(her.id(), request, day))).orElse(request);
		return PlanGenerator.generate(catalogue, learned);
	}

	/** Her plan's decisions for this week made again from everything up to today; false for a visitor. */
	public boolean learnAgain(PlanRequest request, LocalDate day) {
		Optional<SignedInMember> member = currentMember.get();
		member.ifPresent(her -> learning.again(her.id(), request, day));
		return member.isPresent();
	}

}
