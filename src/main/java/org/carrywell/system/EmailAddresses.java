package org.carrywell.system;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validates and normalises e-mail addresses so that one mailbox is one subscriber: surrounding space removed,
 * the domain in its ASCII (punycode) form, everything lower-case. Deliberately stricter than RFC 5322 (no quoted
 * local parts, no comments, no IP-literal domains): such addresses are valid but practically never typed into a
 * sign-up form, and refusing them keeps header injection and look-alike tricks out.
 */
public final class EmailAddresses {

	/** RFC 5321 limits: 64 octets of local part, 254 of address (the 256 of a path minus the angle brackets). */
	static final int MAX_LENGTH = 254;

	private static final int MAX_LOCAL_LENGTH = 64;

	private static final Pattern LOCAL_PART = Pattern
		.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

	private static final Pattern DOMAIN = Pattern
		.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

	private EmailAddresses() {
	}

	/** The normalised address, or empty when the input is not an address we accept. */
	public static Optional<String> normalise(String input) {
		String trimmed = input.strip();
		int at = trimmed.lastIndexOf('@');
		if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH || at <= 0 || at == trimmed.length() - 1) {
			return Optional.empty();
		}
		String local = trimmed.substring(0, at).toLowerCase(Locale.ROOT);
		String domain;
		try {
			domain = IDN.toASCII(trimmed.substring(at + 1), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException notADomain) {
			return Optional.empty();
		}
		if (domain.endsWith(".")) {
			domain = domain.substring(0, domain.length() - 1);
		}
		String address = local + "@" + domain;
		boolean valid = local.length() <= MAX_LOCAL_LENGTH && address.length() <= MAX_LENGTH
				&& LOCAL_PART.matcher(local).matches() && DOMAIN.matcher(domain).matches();
		return valid ? Optional.of(address) : Optional.empty();
	}

	/**
	 * The inbox an address delivers to, as limits count it: a {@code +tag} and, at Gmail, dots in the local part
	 * reach the same inbox, so {@code alice+1@…} and {@code alice+2@…} share one limit.
	 *
	 * @param normalised an address as {@link #normalise} gives it
	 */
	public static String mailbox(String normalised) {
		int at = normalised.lastIndexOf('@');
		String local = normalised.substring(0, at);
		String domain = normalised.substring(at + 1);
		int plus = local.indexOf('+');
		if (plus > 0) {
			local = local.substring(0, plus);
		}
		if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
			local = local.replace(".", "");
			domain = "gmail.com";
		}
		return local + "@" + domain;
	}

}
