package org.carrywell.newsletter;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Reading received e-mails in tests: their text parts and the links in them. */
public final class Mails {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+");

	private Mails() {
	}

	public static String plainText(MimeMessage message) throws MessagingException, IOException {
		var parts = new ArrayList<String>();
		parts(message, "text/plain", parts);
		return String.join("\n", parts);
	}

	public static String html(MimeMessage message) throws MessagingException, IOException {
		var parts = new ArrayList<String>();
		parts(message, "text/html", parts);
		return String.join("\n", parts);
	}

	/** The path and query of the first link in the plain-text part whose path starts with {@code path}. */
	public static String link(MimeMessage message, String path) throws MessagingException, IOException {
		Matcher links = LINK.matcher(plainText(message));
		List<String> seen = new ArrayList<>();
		while (links.find()) {
			URI uri = URI.create(links.group());
			seen.add(uri.getRawPath());
			if (uri.getRawPath().equals(path)) {
				return uri.getRawPath() + "?" + uri.getRawQuery();
			}
		}
		throw new AssertionError("No link to " + path + " in the e-mail; links found: " + seen);
	}

	/** The path and query of a URL in a header such as {@code List-Unsubscribe: <https://…>}. */
	public static String headerLink(MimeMessage message, String header) throws MessagingException {
		String value = message.getHeader(header, null);
		if (value == null) {
			throw new AssertionError("No " + header + " header");
		}
		URI uri = URI.create(value.replaceAll("^<|>$", ""));
		return uri.getRawPath() + "?" + uri.getRawQuery();
	}

	private static void parts(Part part, String mimeType, List<String> out) throws MessagingException, IOException {
		if (part.isMimeType(mimeType)) {
			out.add(part.getContent().toString());
		}
		else if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				parts(multipart.getBodyPart(i), mimeType, out);
			}
		}
	}

}
