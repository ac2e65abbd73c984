package org.carrywell.progress.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import org.carrywell.system.AppSecrets;

/**
 * The stop link of a reminder: her id and an HMAC over it and the nonce of her current setting, with a key the
 * application keeps in its database. It works without signing in, for as long as that setting stands.
 */
@Component
public class ReminderLinks {

	/** Read once: the key is made on the application's first start and never changes. */
	private final byte[] key;

	private final ReminderSettings settings;

	ReminderLinks(AppSecrets secrets, ReminderSettings settings) {
		this.key = secrets.key("reminder-stop");
		this.settings = settings;
	}

	/** The token for her stop link. */
	public String token(ReminderSettings.Setting setting) {
		return setting.member() + "." + mac(setting.member(), setting.nonce());
	}

	/** Whose reminders a token stops, when it is genuine and her setting is the one it was made for. */
	public Optional<UUID> verify(String token) {
		int dot = token.indexOf('.');
		if (dot < 0) {
			return Optional.empty();
		}
		UUID member;
		try {
			member = UUID.fromString(token.substring(0, dot));
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
		byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		return settings.of(member)
			.filter(setting -> MessageDigest.isEqual(mac(member, setting.nonce()).getBytes(StandardCharsets.US_ASCII), given))
			.map(ReminderSettings.Setting::member);
	}

	private String mac(UUID member, String nonce) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] digest = mac.doFinal((member + ":" + nonce).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (GeneralSecurityException everyJavaHasIt) {
			throw new IllegalStateException(everyJavaHasIt);
		}
	}

}
