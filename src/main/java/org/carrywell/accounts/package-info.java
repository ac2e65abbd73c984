/**
 * Accounts: a member registers with an e-mail address and a password (or adds a passkey, the way we suggest), keeps
 * a profile whose week moves on by itself (her due date), her check and a provider's clearance, and can read her
 * activity log, export everything about her and erase it. Its API ({@link org.carrywell.accounts.CurrentMember},
 * {@link org.carrywell.accounts.Profile}, {@link org.carrywell.accounts.CheckRecord}) lets the journeys take her
 * context from the profile when she is signed in; {@link org.carrywell.accounts.MemberData} lets other modules add
 * their tables to her export.
 */
@ApplicationModule(allowedDependencies = { "catalogue", "safety", "system" })
@NullMarked
package org.carrywell.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
