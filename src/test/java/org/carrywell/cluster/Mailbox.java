package org.carrywell.cluster;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import org.carrywell.accounts.Visitor;
import org.carrywell.newsletter.Mails;

/**
 * The drills' mail server (GreenMail on 127.0.0.1) and what people do with the e-mails they get: confirm an
 * account and sign in, confirm a newsletter sign-up.
 */
final class Mailbox implements AutoCloseable {

	final GreenMail server;

	final int port;

	Mailbox() throws Exception {
		this.port = Node.freePort();
		this.server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
	}

	/** The app's settings that send its mail here. */
	String[] appArguments() {
		return new String[] { "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + port,
				"--spring.mail.properties.mail.smtp.starttls.enable=false",
				"--spring.mail.properties.mail.smtp.starttls.required=false" };
	}

	/** Registers, confirms from the e-mail and signs in, as a person does; returns her signed-in browser. */
	Visitor newMember(int sitePort, String address, String password) throws Exception {
		var visitor = new Visitor(sitePort);
		visitor.get("/account/register");
		expect(visitor.post("/account/register", "email", address, "password", password).statusCode(), 302, "registration");
		String link = pathStartingWith(Mails.plainText(mailTo(address, 1)), "/account/verify/");
		visitor.get(link);
		visitor.post(link, "password", password);
		signIn(visitor, address, password);
		return visitor;
	}

	static void signIn(Visitor visitor, String address, String password) {
		expect(visitor.signIn(address, password).statusCode(), 302, "sign-in");
		visitor.get("/account");
	}

	/** Signs up for the newsletter and confirms from the e-mail. */
	void confirmedReader(int sitePort) throws Exception {
		String address = "confirmed-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		var visitor = new Visitor(sitePort);
		visitor.get("/newsletter");
		expect(visitor.post("/newsletter", "email", address, "topics", "WORKOUT_IDEAS", "consentVersion", "v1")
			.statusCode(), 302, "sign-up");
		String link = Mails.link(mailTo(address, 1), "/newsletter/confirm");
		visitor.get(link);
		String token = URLDecoder.decode(link.substring(link.indexOf("token=") + "token=".length()), StandardCharsets.UTF_8);
		expect(visitor.post("/newsletter/confirm", "token", token).statusCode(), 302, "confirmation");
	}

	MimeMessage mailTo(String address, int count) throws InterruptedException {
		for (int attempt = 0; attempt < 400; attempt++) {
			MimeMessage[] received = server.getReceivedMessagesForDomain(address);
			if (received.length >= count) {
				return received[count - 1];
			}
			Thread.sleep(25);
		}
		throw new IllegalStateException("No e-mail reached " + address);
	}

	private static String pathStartingWith(String text, String prefix) {
		Matcher links = Pattern.compile("https?://[^\\s\"<>]+").matcher(text);
		while (links.find()) {
			String path = URI.create(links.group()).getRawPath();
			if (path.startsWith(prefix)) {
				return path;
			}
		}
		throw new IllegalStateException("No link to " + prefix + " in: " + text);
	}

	static void expect(int status, int expected, String what) {
		if (status != expected) {
			throw new IllegalStateException(what + " answered " + status + " instead of " + expected);
		}
	}

	@Override
	public void close() {
		server.stop();
	}

}
