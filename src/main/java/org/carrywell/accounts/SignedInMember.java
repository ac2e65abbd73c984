package org.carrywell.accounts;

import java.util.Optional;
import java.util.UUID;

/** The member a request comes from, with what she keeps for planning. */
public record SignedInMember(UUID id, String email, Profile profile, Optional<CheckRecord> check) {
}
