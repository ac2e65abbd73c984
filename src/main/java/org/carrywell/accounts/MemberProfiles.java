package org.carrywell.accounts;

import java.util.Optional;
import java.util.UUID;

/**
 * A member's profile and check by her id, for what she set up to work without her signing in: a link she gave her
 * provider, her calendar subscription. Empty once she is gone (or before she confirmed her address). Whoever asks
 * must already know that she allowed it.
 */
public interface MemberProfiles {

	Optional<SignedInMember> of(UUID member);

}
