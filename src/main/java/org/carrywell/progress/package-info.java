/**
 * Progress: the adaptive loop. Her sessions as the player recorded them, her pain diary and activity minutes, what
 * each week's plan learned from them (the rules are in {@code planning}), "is it helping?" with her own numbers,
 * and the reminders she chose. Everything here belongs to one member, goes into her export and goes when she is
 * erased.
 */
@ApplicationModule(allowedDependencies = { "accounts", "catalogue", "safety", "planning", "system" })
@NullMarked
package org.carrywell.progress;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
