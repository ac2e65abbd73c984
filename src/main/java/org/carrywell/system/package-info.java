/**
 * Cross-cutting web concerns: layout, home page, security headers, error pages and problem details.
 * Depends on no feature module, so that every feature may depend on it.
 */
@NullMarked
package org.carrywell.system;

import org.jspecify.annotations.NullMarked;
