package org.carrywell.newsletter.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the links that let a subscriber manage her subscription without an account: {@code <id>.<mac>}, where
 * the MAC is HMAC-SHA256 of the subscriber id under a server key. Anyone holding the link (it only ever travels
 * in e-mails to that subscriber) may change her topics or unsubscribe; nobody can make one for another id.
 */
public final class LinkSigner {

	private static final String ALGORITHM = "HmacSHA256";

	private static final String PURPOSE = "newsletter-preferences:";

	private final SecretKeySpec key;

	public LinkSigner(byte[] key) {
		if (key.length < 32) {
			throw new IllegalArgumentException("The link key needs at least 256 bits");
		}
		this.key = new SecretKeySpec(key.clone(), ALGORITHM);
	}

	public String sign(long subscriberId) {
		return subscriberId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(subscriberId));
	}

	/** The subscriber id of a genuine link; empty for anything else, in constant time for the MAC. */
	public OptionalLong verify(String token) {
		int dot = token.indexOf('.');
		if (dot <= 0 || dot > 19) {
			return OptionalLong.empty();
		}
		long id;
		byte[] presented;
		try {
			id = Long.parseLong(token.substring(0, dot));
			presented = Base64.getUrlDecoder().decode(token.substring(dot + 1));
		}
		catch (IllegalArgumentException malformed) {
			return OptionalLong.empty();
		}
		return id > 0 && MessageDigest.isEqual(mac(id), presented) ? OptionalLong.of(id) : OptionalLong.empty();
	}

	private byte[] mac(long subscriberId) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac.doFinal((PURPOSE + subscriberId).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException cannotHappen) {
			// HmacSHA256 is required of every Java platform and the key is always valid.
			throw new IllegalStateException(cannotHappen);
		}
	}

}
