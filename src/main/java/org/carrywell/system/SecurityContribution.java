package org.carrywell.system;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A feature's part of the site's main security filter chain (sign-in, passkeys, which addresses need a member).
 * The chain itself belongs to {@link SecurityConfiguration}, which depends on no feature; features plug in here.
 */
public interface SecurityContribution {

	void contribute(HttpSecurity http) throws Exception;

}
