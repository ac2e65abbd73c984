package org.carrywell.accounts.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import org.carrywell.accounts.internal.MemberAuthentication;
import org.carrywell.system.AppSecrets;

/**
 * A key for the signed-in member on a device: what her waiting session results (js/outbox.js) and the pages the
 * service worker keeps for her (docs/offline.md) are filed under, so that they are used only while she is the one
 * signed in. An HMAC of her sign-in name with a key of the site's (in the database), so nobody can tell from a
 * device or a page whose key it is by guessing addresses.
 */
@Component
class MemberDeviceKey {

	/** Read once: the key is made on the application's first start and never changes. */
	private final byte[] key;

	MemberDeviceKey(AppSecrets secrets) {
		this.key = secrets.key("member-device");
	}

	/** The signed-in member's key; empty for a visitor. */
	String current() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!MemberAuthentication.isMember(authentication)) {
			return "";
		}
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] digest = mac.doFinal(authentication.getName().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (GeneralSecurityException everyJavaHasIt) {
			throw new IllegalStateException(everyJavaHasIt);
		}
	}

}
