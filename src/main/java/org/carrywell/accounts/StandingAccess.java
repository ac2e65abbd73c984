package org.carrywell.accounts;

import java.util.UUID;

/**
 * What she set up to work without her signing in (links she gave her providers, her calendar address). When she
 * signs out on every device or resets her password, someone else may have been using her account and may have set
 * such things up: every module that keeps them ends them all, and she makes again the ones she wants.
 */
public interface StandingAccess {

	/** Why they end: her activity log says which. */
	enum Why {

		SIGNED_OUT_EVERYWHERE, PASSWORD_RESET

	}

	void endAll(UUID member, Why why);

}
