package org.carrywell.accounts.web;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import org.carrywell.accounts.internal.MemberAuthentication;
import org.carrywell.system.AppSecrets;

/** Tells every page's layout whether a member is signed in (her account link, or "sign in"), without a query. */
@ControllerAdvice
class MemberModel {

	/** Read once: the key is made on the application's first start and never changes. */
	private final byte[] deviceKey;

	MemberModel(AppSecrets secrets) {
		this.deviceKey = secrets.key("member-device");
	}

	@ModelAttribute("memberSignedIn")
	boolean memberSignedIn() {
		return MemberAuthentication.isMember(SecurityContextHolder.getContext().getAuthentication());
	}

	/**
	 * A key for the signed-in member's results waiting on this device (js/result-sync.js): they are sent only while
	 * she is the one signed in. An HMAC of her sign-in name with a key of the site's (in the database), so nobody
	 * can tell from a device or a page whose key it is by guessing addresses; empty for a visitor.
	 */
	@ModelAttribute("memberKey")
	String memberKey() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!MemberAuthentication.isMember(authentication)) {
			return "";
		}
		try {
			var mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(deviceKey, "HmacSHA256"));
			byte[] digest = mac.doFinal(authentication.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (java.security.GeneralSecurityException everyJavaHasIt) {
			throw new IllegalStateException(everyJavaHasIt);
		}
	}

}
