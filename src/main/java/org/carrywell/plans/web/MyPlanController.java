package org.carrywell.plans.web;


import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;

import org.carrywell.accounts.CurrentMember;
import org.carrywell.accounts.Profile;
import org.carrywell.accounts.SignedInMember;
import org.carrywell.plans.PlanForm;
import org.carrywell.system.NotFoundException;

/**
 * A member's plan, made from her profile: her due date (so the week is always today's), her kept check, pain,
 * conditions, equipment, floor and activity. The page is the ordinary plan page at an address built from the
 * profile, so the player, the calendar and "make it easier" see exactly what a visitor's address gives them.
 */
@Controller
class MyPlanController {

	private final CurrentMember currentMember;

	MyPlanController(CurrentMember currentMember) {
		this.currentMember = currentMember;
	}

	@GetMapping("/plan/mine")
	String mine() {
		SignedInMember member = signedIn();
		Profile profile = member.profile();
		if (profile.dueDate() == null) {
			return "redirect:/account/profile";
		}
		var address = new LinkedMultiValueMap<String, String>();
		address.add("dueDate", profile.dueDate().toString());
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
		String target = member.check().isPresent() ? "/plan/week" : "/check";
		return "redirect:" + target + "?" + PlanForm.query(address);
	}

	private SignedInMember signedIn() {
		return currentMember.get().orElseThrow(() -> new NotFoundException("member", ""));
	}

}
