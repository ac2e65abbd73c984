/**
 * Exercise illustrations drawn from the catalogue's pose data: a small 3D stick-and-shape figure (joint
 * angles → points, then grounded on the floor or its prop and seen from the side or the front), written as
 * inline SVG — a still, an animation in time with the exercise, and its keyframes side by side. This package
 * is plain Java; {@code web} holds the Spring bean that pages use and the contact sheet.
 */
@ApplicationModule(allowedDependencies = { "catalogue", "system" })
@NullMarked
package org.carrywell.illustration;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
