/**
 * The safety engine: plain, deterministic Java that implements the rule book
 * ({@code shared/reference/safety-decisions.md}). Every decision names the rule that made it and the
 * rule's sources. No framework, no clock: {@code today} comes in as input.
 */
@ApplicationModule(allowedDependencies = { "catalogue" })
@NullMarked
package org.carrywell.safety;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
