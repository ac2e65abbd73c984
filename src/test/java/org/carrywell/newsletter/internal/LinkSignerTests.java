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
	void aChangedIdOrSignatureOrAnotherKeyIsRefused() {
		String link = signer.sign(42);
		String signature = link.substring(link.indexOf('.'));
		assertThat(signer.verify("43" + signature)).isEmpty();
		assertThat(signer.verify(link.substring(0, link.length() - 1) + "A")).isEmpty();
		assertThat(signer.verify("42.")).isEmpty();
		assertThat(signer.verify("42")).isEmpty();
		assertThat(signer.verify("-42" + signature)).isEmpty();
		var otherKey = new byte[32];
		Arrays.fill(otherKey, (byte) 7);
		assertThat(new LinkSigner(otherKey).verify(link)).isEmpty();
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
