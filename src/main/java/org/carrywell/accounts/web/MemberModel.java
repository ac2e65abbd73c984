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

	/**
	 * A key for the signed-in member's results waiting on this device (js/result-sync.js): they are sent only while
	 * she is the one signed in. A hash of her sign-in name, so the page does not carry her address; empty for a
	 * visitor.
	 */
	@ModelAttribute("memberKey")
	String memberKey() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!MemberAuthentication.isMember(authentication)) {
			return "";
		}
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest(("carrywell-member:" + authentication.getName()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (java.security.NoSuchAlgorithmException everyJavaHasIt) {
			throw new IllegalStateException(everyJavaHasIt);
		}
	}

}
