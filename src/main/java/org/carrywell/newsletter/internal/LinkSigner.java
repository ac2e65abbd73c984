package org.carrywell.newsletter.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the links that let a subscriber manage her subscription without an account. A link token is one AES
 * block, encrypted under a key derived from the server key: the subscriber id and the first eight bytes of its
 * HMAC-SHA256. It reveals nothing (not the id, so not how many subscribers there are), and nobody can make one
 * for another id: a forged block decrypts to an id whose HMAC does not match. Anyone holding the link (it only
 * ever travels in e-mails to that subscriber) may change her topics or unsubscribe.
 *
 * <p>Links sent before this format ({@code <id>.<HMAC>}) are still honoured, so that old e-mails keep working.
 */
public final class LinkSigner {

	private static final String MAC = "HmacSHA256";

	private static final String PURPOSE = "newsletter-preferences:";

	private static final int CHECK_BYTES = 8;

	private final SecretKeySpec key;

	private final SecretKeySpec blockKey;

	public LinkSigner(byte[] key) {
		if (key.length < 32) {
			throw new IllegalArgumentException("The link key needs at least 256 bits");
		}
		this.key = new SecretKeySpec(key.clone(), MAC);
		this.blockKey = new SecretKeySpec(Arrays.copyOf(hmac("newsletter-link-block-key".getBytes(StandardCharsets.UTF_8)),
				16), "AES");
	}

	public String sign(long subscriberId) {
		var block = ByteBuffer.allocate(16).putLong(subscriberId).put(check(subscriberId)).array();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(crypt(Cipher.ENCRYPT_MODE, block));
	}

	/** The subscriber id of a genuine link; empty for anything else, in constant time for the check. */
	public OptionalLong verify(String token) {
		if (token.indexOf('.') > 0) {
			return verifyOlderLink(token);
		}
		byte[] sealed;
		try {
			sealed = Base64.getUrlDecoder().decode(token);
		}
		catch (IllegalArgumentException malformed) {
			return OptionalLong.empty();
		}
		if (sealed.length != 16) {
			return OptionalLong.empty();
		}
		var block = ByteBuffer.wrap(crypt(Cipher.DECRYPT_MODE, sealed));
		long id = block.getLong();
		byte[] presented = new byte[CHECK_BYTES];
		block.get(presented);
		return id > 0 && MessageDigest.isEqual(check(id), presented) ? OptionalLong.of(id) : OptionalLong.empty();
	}

	/** A link of the first format, {@code <id>.<HMAC>}, from e-mails sent before the ids were hidden. */
	private OptionalLong verifyOlderLink(String token) {
		int dot = token.indexOf('.');
		if (dot > 19) {
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
		return id > 0 && MessageDigest.isEqual(hmac((PURPOSE + id).getBytes(StandardCharsets.UTF_8)), presented)
				? OptionalLong.of(id) : OptionalLong.empty();
	}

	private byte[] check(long subscriberId) {
		return Arrays.copyOf(hmac((PURPOSE + subscriberId).getBytes(StandardCharsets.UTF_8)), CHECK_BYTES);
	}

	private byte[] hmac(byte[] message) {
		try {
			Mac mac = Mac.getInstance(MAC);
			mac.init(key);
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException cannotHappen) {
			// HmacSHA256 is required of every Java platform and the key is always valid.
			throw new IllegalStateException(cannotHappen);
		}
	}

	/** One AES block, on its own: a block cipher used as a keyed permutation of 128-bit values. */
	private byte[] crypt(int mode, byte[] block) {
		try {
			Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
			cipher.init(mode, blockKey);
			return cipher.doFinal(block);
		}
		catch (GeneralSecurityException cannotHappen) {
			// AES is required of every Java platform, and the block is always one block long.
			throw new IllegalStateException(cannotHappen);
		}
	}

}
