package org.carrywell.accounts.web;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import org.carrywell.accounts.internal.MemberAuthentication;

/** Tells every page's layout whether a member is signed in (her account link, or "sign in"), without a query. */
@ControllerAdvice
class MemberModel {

	private final MemberDeviceKey deviceKey;

	MemberModel(MemberDeviceKey deviceKey) {
		this.deviceKey = deviceKey;
	}

	@ModelAttribute("memberSignedIn")
	boolean memberSignedIn() {
		return MemberAuthentication.isMember(SecurityContextHolder.getContext().getAuthentication());
	}

	/** Her device key (js/result-sync.js, js/outbox.js), or empty for a visitor. */
	@ModelAttribute("memberKey")
	String memberKey() {
		return deviceKey.current();
	}

}
