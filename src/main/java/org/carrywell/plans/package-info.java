/**
 * The check-and-plan journey: the screening check, the plan pages and calendar, and the safety and plan APIs. Its
 * API ({@link org.carrywell.plans.PlanForm}) reads a plan's address for the sessions module. The decisions
 * themselves are the safety engine's and the plan generator's; this module asks and shows.
 */
@ApplicationModule(allowedDependencies = { "accounts", "catalogue", "safety", "planning", "progress", "illustration", "learn",
		"system" })
@NullMarked
package org.carrywell.plans;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
