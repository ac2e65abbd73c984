package org.carrywell.accounts;

import java.util.Optional;

/**
 * Who is signed in on the current request, if anyone. The journeys ask it for her profile and check; a visitor
 * gets an empty answer and everything keeps working as before.
 */
public interface CurrentMember {

	Optional<SignedInMember> get();

}
