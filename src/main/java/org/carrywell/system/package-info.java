/**
 * Cross-cutting concerns: layout, home page, security headers, error pages and problem details, the clock, and
 * named keys kept in the database ({@link org.carrywell.system.AppSecrets}).
 * Depends on no feature module, so that every feature may depend on it.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.carrywell.system;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
