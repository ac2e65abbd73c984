package org.carrywell.newsletter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Positive;
import org.junit.jupiter.api.Test;

class LinkSignerTests {

	private final LinkSigner signer = new LinkSigner("a key of at least thirty-two bytes!".getBytes());

	@Property
	void aSignedLinkNamesItsSubscriber(@ForAll @Positive long subscriberId) {
		assertThat(signer.verify(signer.sign(subscriberId))).hasValue(subscriberId);
	}

	@Test
	void aLinkRevealsNoIdAndAChangedLinkOrAnotherKeyIsRefused() {
		String link = signer.sign(42);
		assertThat(link).doesNotContain("42").matches("[A-Za-z0-9_-]{22}");
		assertThat(signer.sign(43)).isNotEqualTo(link);
		char last = link.charAt(10);
		assertThat(signer.verify(link.substring(0, 10) + (last == 'A' ? 'B' : 'A') + link.substring(11))).isEmpty();
		assertThat(signer.verify("42")).isEmpty();
		assertThat(signer.verify("42.")).isEmpty();
		var otherKey = new byte[32];
		Arrays.fill(otherKey, (byte) 7);
		assertThat(new LinkSigner(otherKey).verify(link)).isEmpty();
	}

	@Test
	void linksOfTheFirstFormatStillWork() throws Exception {
		var mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec("a key of at least thirty-two bytes!".getBytes(), "HmacSHA256"));
		String older = "42." + java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString(mac.doFinal("newsletter-preferences:42".getBytes()));
		assertThat(signer.verify(older)).hasValue(42);
		assertThat(signer.verify("43" + older.substring(2))).isEmpty();
	}

	@Property
	void arbitraryInputNeverVerifies(@ForAll String input) {
		assertThat(signer.verify(input)).isEmpty();
	}

	@Test
	void refusesShortKeys() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LinkSigner(new byte[16]));
	}

}
