package org.carrywell.plans.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
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
		var address = WeekPlans.profileAddress(member);
		String target = member.check().isPresent() ? "/plan/week" : "/check";
		return "redirect:" + target + "?" + PlanForm.query(address);
	}

	/**
	 * "Make my plan again": this week's decisions are made again from her sessions and diary up to now (still one
	 * step from last week's at most), then she sees her plan.
	 */
	@PostMapping("/plan/mine/again")
	String again(RedirectAttributes redirect) {
		SignedInMember member = signedIn();
		var address = WeekPlans.profileAddress(member);
		if (member.profile().dueDate() == null || member.check().isEmpty() || !weekPlans.learnAgain()) {
			return "redirect:/plan/mine";
		}
		redirect.addFlashAttribute("learnedAgain", true);
		return "redirect:/plan/week?" + PlanForm.query(address);
	}

	private SignedInMember signedIn() {
		return currentMember.get().orElseThrow(() -> new NotFoundException("member", ""));
	}

}
