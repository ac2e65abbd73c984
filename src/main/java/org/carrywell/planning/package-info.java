/**
 * The plan generator: plain, deterministic Java. It builds a week of short sessions from the exercises the
 * safety engine allows, choosing each session's exercises by solving an explicit objective exactly (see
 * {@link org.carrywell.planning.SessionSelector}). No framework, no clock.
 */
@ApplicationModule(allowedDependencies = { "catalogue", "safety" })
@NullMarked
package org.carrywell.planning;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
