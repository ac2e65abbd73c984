/**
 * Sharing with the people who care for her: links she gives to a midwife or physiotherapist (to view, or to view
 * and adjust her plan), the view they open through one, the appointment report as a PDF, a FHIR R4 export for a
 * clinic's records, and her calendar subscription. A journey on top of the others: it reads her profile and check
 * (accounts), her plan (plans) and her progress, and gives her plan its providers' advice through
 * {@link org.carrywell.plans.ProviderAdvice}.
 */
@ApplicationModule(
		allowedDependencies = { "accounts", "catalogue", "safety", "planning", "plans", "progress", "system" })
@NullMarked
package org.carrywell.sharing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
