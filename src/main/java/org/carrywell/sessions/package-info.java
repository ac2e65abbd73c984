/**
 * Sessions: the guided player and everything around it that keeps a session safe. Every way into a session (a
 * day of a plan, one exercise of the library, "make it easier", the easiest version after strong pain) asks the
 * safety engine for her context on the day it is done; the check before every session covers every warning sign;
 * an urgent warning-sign result closes the gate to the next session until she says she has spoken to her
 * provider.
 */
@ApplicationModule(allowedDependencies = { "accounts", "catalogue", "safety", "planning", "plans", "progress", "illustration", "system" })
@NullMarked
package org.carrywell.sessions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
