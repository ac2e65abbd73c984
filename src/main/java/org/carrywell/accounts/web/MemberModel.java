package org.carrywell.accounts.web;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import org.carrywell.accounts.internal.MemberAuthentication;

/** Tells every page's layout whether a member is signed in (her account link, or "sign in"), without a query. */
@ControllerAdvice
class MemberModel {

	@ModelAttribute("memberSignedIn")
	boolean memberSignedIn() {
		return MemberAuthentication.isMember(SecurityContextHolder.getContext().getAuthentication());
	}

}
