package org.carrywell.system;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTests {

	@Test
	void normalisesSpaceCaseAndInternationalDomains() {
		assertThat(EmailAddresses.normalise("  Ada.Lovelace+News@Example.ORG ")).hasValue("ada.lovelace+news@example.org");
		assertThat(EmailAddresses.normalise("hebamme@bücher.de")).hasValue("hebamme@xn--bcher-kva.de");
		assertThat(EmailAddresses.normalise("name@example.org.")).hasValue("name@example.org");
	}

	@Test
	void tagsAndGmailDotsReachOneMailbox() {
		assertThat(EmailAddresses.mailbox("alice+news@example.org")).isEqualTo(EmailAddresses.mailbox("alice@example.org"));
		assertThat(EmailAddresses.mailbox("a.l.ice+1@googlemail.com")).isEqualTo("alice@gmail.com");
		assertThat(EmailAddresses.mailbox("a.lice@example.org")).isEqualTo("a.lice@example.org");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "plain", "@example.org", "name@", "name@localhost", "two@@example.org",
			"name@example..org", "name@-example.org", "a b@example.org", "\"quoted\"@example.org",
			"name@example.org\r\nBcc: victim@example.org", "name@[127.0.0.1]", ".dot@example.org",
			"dot.@example.org", "name@exa_mple.org", "<script>@example.org" })
	void refusesWhatIsNotAPlainAddress(String input) {
		assertThat(EmailAddresses.normalise(input)).isEmpty();
	}

	@Test
	void refusesOverlongAddresses() {
		assertThat(EmailAddresses.normalise("a".repeat(65) + "@example.org")).isEmpty();
		String longDomain = String.join(".", "b".repeat(60), "c".repeat(60), "d".repeat(60), "e".repeat(60), "f".repeat(60), "org");
		assertThat(EmailAddresses.normalise("a@" + longDomain)).isEmpty();
	}

	@Property
	void whateverComesInWhatComesOutIsShortOneLineAndStable(@ForAll String input) {
		EmailAddresses.normalise(input).ifPresent(address -> {
			assertThat(address).hasSizeLessThanOrEqualTo(EmailAddresses.MAX_LENGTH)
				.doesNotContain(" ", "\r", "\n", "<", ">", ",")
				.isLowerCase();
			assertThat(EmailAddresses.normalise(address)).hasValue(address);
		});
	}

}
