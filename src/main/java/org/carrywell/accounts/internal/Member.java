package org.carrywell.accounts.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A member's account row: who she signs in as and whether her address is verified. */
public record Member(UUID id, String email, String passwordHash, Instant createdAt, @Nullable Instant verifiedAt,
		Instant passwordChangedAt) {

	public boolean verified() {
		return verifiedAt != null;
	}

}
