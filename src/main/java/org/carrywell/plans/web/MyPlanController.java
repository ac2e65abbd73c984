package org.carrywell.plans.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;

import org.carrywell.accounts.CurrentMember;
import org.carrywell.accounts.Profile;
import org.carrywell.accounts.SignedInMember;
import org.carrywell.plans.PlanForm;
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

	MyPlanController(CurrentMember currentMember, Clock clock) {
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
