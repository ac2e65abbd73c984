package org.carrywell.accounts.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.carrywell.accounts.internal.Passwords;
import org.carrywell.system.EmailAddresses;

/**
 * An address and a password as typed (registering). Reading it checks both and names each problem by its field;
 * the address is normalised the way every part of the site compares addresses.
 */
public record CredentialsForm(String email, String password, String normalisedEmail, Map<String, String> errors) {

	static CredentialsForm empty() {
		return new CredentialsForm("", "", "", Map.of());
	}

	static CredentialsForm read(String email, String password, Passwords passwords) {
		String typedEmail = email == null ? "" : email.strip();
		String typedPassword = password == null ? "" : password;
		var errors = new LinkedHashMap<String, String>();
		String normalised = EmailAddresses.normalise(typedEmail).orElse("");
		if (typedEmail.isEmpty()) {
			errors.put("email", "account.email.missing");
		}
		else if (normalised.isEmpty()) {
			errors.put("email", "account.email.invalid");
		}
		passwords.problem(typedPassword, normalised).ifPresent(problem -> errors.put("password", problem));
		return new CredentialsForm(typedEmail, "", normalised, errors);
	}

	public boolean valid() {
		return errors.isEmpty();
	}

	public boolean hasError(String field) {
		return errors.containsKey(field);
	}

	public String error(String field) {
		return errors.get(field);
	}

}
