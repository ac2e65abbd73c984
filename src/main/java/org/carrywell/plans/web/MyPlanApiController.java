package org.carrywell.plans.web;

import java.util.LinkedHashMap;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import org.carrywell.accounts.CurrentMember;
import org.carrywell.accounts.Profile;
import org.carrywell.accounts.SignedInMember;
import org.carrywell.safety.InvalidInputException;
import org.carrywell.system.InvalidParameter;
import org.carrywell.system.InvalidParametersException;
import org.carrywell.system.NotFoundException;

/** A member's plan for this week as JSON, made from her profile exactly as the plan API makes one from a body. */
@RestController
@Tag(name = "Me")
class MyPlanApiController {

	private final CurrentMember currentMember;

	private final PlanApiController plans;

	MyPlanApiController(CurrentMember currentMember, PlanApiController plans) {
		this.currentMember = currentMember;
		this.plans = plans;
	}

	@GetMapping(path = "/api/v1/me/plan", produces = "application/json")
	@Operation(summary = "Her plan for this week, from her profile, learned from her sessions",
			description = "Her due date gives today's week; her kept check gives the answers (none kept: they count "
					+ "as not answered). The plan learns from her sessions and diary once a week (changes lists what "
					+ "changed and why). 400 when the profile has no due date, or one this pregnancy has passed.")
	PlanApiController.PlanJson mine() {
		SignedInMember member = currentMember.get().orElseThrow(() -> new NotFoundException("member", ""));
		Profile profile = member.profile();
		if (profile.dueDate() == null) {
			throw new InvalidParametersException(List.of(new InvalidParameter("dueDate", "",
					"is not in her profile yet: add it on the profile page or with PUT /api/v1/me/profile", List.of())));
		}
		var answers = new LinkedHashMap<String, @Nullable Boolean>();
		member.check().ifPresent(check -> check.answers().forEach((question, yes) -> answers.put(question.name(), yes)));
		var pain = new LinkedHashMap<String, @Nullable Integer>();
		profile.pain().forEach((area, value) -> pain.put(area.name(), value));
		try {
			return plans.plan(new PlanApiController.PlanRequestBody(null, profile.dueDate(), null,
					new PlanApiController.ScreeningAnswers(answers), pain,
					profile.conditions().stream().map(Enum::name).toList(), profile.minutes(), profile.sessionsPerWeek(),
					profile.equipment().stream().map(Enum::name).toList(), Boolean.TRUE.equals(profile.floor()),
					profile.priorActivity() == null ? null : profile.priorActivity().name(), null, null, null), true);
		}
		catch (InvalidInputException outOfRange) {
			// A due date this pregnancy has passed, say: her profile needs updating, and the answer says which field.
			throw new InvalidParametersException(List.of(new InvalidParameter(outOfRange.field(), "",
					outOfRange.getMessage() + " (update her profile)", List.of())));
		}
	}

}
