/**
 * The exercise catalogue: the exercise model and its vocabulary (this package, plain Java, the module's
 * API), the loader and validator of the YAML files ({@code internal}) and the library pages and JSON API
 * ({@code web}).
 */
@ApplicationModule(allowedDependencies = { "system" })
@NullMarked
package org.carrywell.catalogue;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
