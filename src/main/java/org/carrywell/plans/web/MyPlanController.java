package org.carrywell.plans.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.carrywell.accounts.CurrentMember;
import org.carrywell.accounts.Profile;
import org.carrywell.accounts.SignedInMember;
import org.carrywell.plans.PlanForm;
import org.carrywell.plans.WeekPlans;
import org.carrywell.safety.PersonInput;
import org.carrywell.system.NotFoundException;

/**
 * A member's plan, made from her profile: her due date (so the week is always today's), her kept check, pain,
 * conditions, equipment, floor and activity. The page is the ordinary plan page at an address built from the
 * profile, so the player, the calendar and "make it easier" see exactly what a visitor's address gives them.
 */
@Controller
class MyPlanController {

	private final CurrentMember currentMember;

	private final Clock clock;

	private final WeekPlans weekPlans;

	MyPlanController(CurrentMember currentMember, Clock clock, WeekPlans weekPlans) {
		this.weekPlans = weekPlans;
		this.currentMember = currentMember;
		this.clock = clock;
	}

	@GetMapping("/plan/mine")
	String mine() {
		SignedInMember member = signedIn();
		Profile profile = member.profile();
		if (profile.dueDate() == null) {
			return "redirect:/account/profile?needed";
		}
		var week = PersonInput.read(new PersonInput.Raw(null, profile.dueDate().toString(), null, Map.of(), Map.of(),
				List.of(), List.of(), null, null), LocalDate.now(clock));
		if (!week.valid()) {
			// Her due date is more than two weeks past (or far ahead): the plan cannot be for this week.
			return "redirect:/account/profile?outdated";
		}
		var address = profileAddress(member);
		String target = member.check().isPresent() ? "/plan/week" : "/check";
		return "redirect:" + target + "?" + PlanForm.query(address);
	}

	/** Her plan's address: her profile and kept check, marked as her own. */
	private static LinkedMultiValueMap<String, String> profileAddress(SignedInMember member) {
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
		address.add(WeekPlans.MINE, "yes");
		return address;
	}

	/**
	 * "Make my plan again": this week's decisions are made again from her sessions and diary up to now (still one
	 * step from last week's at most), then she sees her plan.
	 */
	@PostMapping("/plan/mine/again")
	String again(RedirectAttributes redirect) {
		SignedInMember member = signedIn();
		LocalDate today = LocalDate.now(clock);
		var address = profileAddress(member);
		var form = PlanForm.read(address, today);
		if (member.profile().dueDate() == null || member.check().isEmpty() || !form.isValid()) {
			return "redirect:/plan/mine";
		}
		weekPlans.learnAgain(form.toRequest(today), today);
		redirect.addFlashAttribute("learnedAgain", true);
		return "redirect:/plan/week?" + PlanForm.query(address);
	}

	private SignedInMember signedIn() {
		return currentMember.get().orElseThrow(() -> new NotFoundException("member", ""));
	}

}
