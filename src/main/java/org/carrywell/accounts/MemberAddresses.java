package org.carrywell.accounts;

import java.util.Optional;
import java.util.UUID;

/** Where to write to a member, for mail she asked for (her reminders); empty once she is gone or unverified. */
public interface MemberAddresses {

	Optional<String> verifiedEmail(UUID member);

}
