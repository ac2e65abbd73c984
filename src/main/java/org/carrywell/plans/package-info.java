/**
 * The check-and-plan journey: the screening check, the warning-sign checker, and the safety API. The
 * decisions themselves are the safety engine's ({@code org.carrywell.safety}); this module asks and shows.
 */
@NullMarked
package org.carrywell.plans;

import org.jspecify.annotations.NullMarked;
