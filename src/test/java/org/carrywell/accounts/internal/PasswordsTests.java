package org.carrywell.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The password rules and the hash. */
class PasswordsTests {

	private final Passwords passwords = Passwords.withCommonList();

	@Test
	void aLongUnusualPasswordIsAccepted() {
		assertThat(passwords.problem("blue kettle on a quiet morning", "hanna@example.org")).isEmpty();
		assertThat(passwords.problem("ünïcødé ☕ passwörter", "hanna@example.org")).as("any characters count").isEmpty();
	}

	@Test
	void eachRuleNamesItsProblem() {
		assertThat(passwords.problem("short one", "a@example.org")).hasValue("account.password.short");
		assertThat(passwords.problem("x".repeat(129), "a@example.org")).hasValue("account.password.long");
		assertThat(passwords.problem("password1234", "a@example.org")).hasValue("account.password.common");
		assertThat(passwords.problem("QWERTYUIOP12", "a@example.org")).as("compared in lower case")
			.hasValue("account.password.common");
		assertThat(passwords.problem("my carrywell password", "a@example.org")).hasValue("account.password.guessable");
		assertThat(passwords.problem("hanna-the-second", "hanna@example.org")).hasValue("account.password.guessable");
		assertThat(passwords.problem("abababababababab", "a@example.org")).hasValue("account.password.repetitive");
	}

	@Test
	void twelveCharactersAreCountedAsSheSeesThem() {
		// Eleven emoji are 22 Java chars but eleven characters: too short.
		assertThat(passwords.problem("😀🍵🌿🌙⭐🎈🎵🐢🍋🚲🌈", "a@example.org")).hasValue("account.password.short");
	}

	@Test
	void zxcvbnsListIsLoaded() {
		assertThat(passwords.problem("iloveyou1234", "a@example.org")).hasValue("account.password.common");
	}

	@Test
	void hashesAreArgon2idWithTheParametersOfTheAdr() {
		String hash = passwords.hash("blue kettle on a quiet morning");
		assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
		assertThat(passwords.matches("blue kettle on a quiet morning", Optional.of(hash))).isTrue();
		assertThat(passwords.matches("blue kettle on a quiet evening", Optional.of(hash))).isFalse();
		assertThat(passwords.matches("anything", Optional.empty())).as("no account: never a match").isFalse();
		assertThat(passwords.needsRehash(hash)).isFalse();
	}

}
