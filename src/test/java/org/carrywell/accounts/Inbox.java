package org.carrywell.accounts;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The test's view of a GreenMail server: the next unread e-mail to an address, and members made the way a person
 * becomes one (register, confirm from the e-mail, sign in) over a real port.
 */
public final class Inbox {

	/** A verified member, signed in on her own visitor. */
	public record Member(UUID id, String email, Visitor visitor) {
	}

	private final GreenMailExtension smtp;

	/** How many e-mails to each address the test has read already. */
	private final Map<String, Integer> read = new ConcurrentHashMap<>();

	public Inbox(GreenMailExtension smtp) {
		this.smtp = smtp;
	}

	/** Points the application's mail at the test's GreenMail server (plain SMTP on 127.0.0.1). */
	public static void mailServer(DynamicPropertyRegistry registry, GreenMailExtension smtp) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		registry.add("spring.mail.properties.mail.smtp.starttls.required", () -> "false");
		registry.add("spring.mail.properties.mail.smtp.starttls.enable", () -> "false");
	}

	/** The next e-mail to an address that the test has not read yet (waits for the background sender). */
	public MimeMessage mailTo(String address) throws InterruptedException {
		int seen = read.getOrDefault(address, 0);
		for (int attempt = 0; attempt < 200; attempt++) {
			MimeMessage[] received = smtp.getReceivedMessagesForDomain(address);
			if (received.length > seen) {
				read.put(address, seen + 1);
				return received[seen];
			}
			Thread.sleep(25);
		}
		throw new AssertionError("No new e-mail reached " + address);
	}

	public Member newMember(int port, JdbcClient jdbc, String password) {
		String email = AccountJourneyContract.unique("member");
		var visitor = new Visitor(port);
		visitor.get("/account/register");
		visitor.post("/account/register", "email", email, "password", password);
		try {
			String link = AccountJourneyContract.link(mailTo(email), "/account/verify/");
			visitor.get(link);
			visitor.post(link, "password", password);
		}
		catch (Exception failed) {
			throw new AssertionError(failed);
		}
		if (!"/account".equals(AccountJourneyContract.location(visitor.signIn(email, password)))) {
			throw new AssertionError("could not sign in as " + email);
		}
		UUID id = jdbc.sql("SELECT id FROM member WHERE email = ?").param(email).query(UUID.class).single();
		return new Member(id, email, visitor);
	}

	/**
	 * A new member with a plan: her profile (the members' API's JSON) and a kept check answered "no" throughout,
	 * so that {@code /plan/mine} and {@code /api/v1/me/plan} give her plan at once.
	 */
	public Member newMemberWithPlan(int port, JdbcClient jdbc, String password, String profile) {
		var member = newMember(port, jdbc, password);
		var visitor = member.visitor();
		visitor.get("/account");
		var saved = visitor.json("PUT", "/api/v1/me/profile", profile);
		if (saved.statusCode() != 200) {
			throw new AssertionError("her profile was refused: " + saved.body());
		}
		var answers = new StringBuilder();
		for (var question : org.carrywell.safety.ScreeningQuestion.values()) {
			answers.append(answers.isEmpty() ? "" : ",").append('"').append(question.name()).append("\":\"no\"");
		}
		var kept = visitor.json("PUT", "/api/v1/me/check", "{\"answers\":{" + answers + "}}");
		if (kept.statusCode() != 200) {
			throw new AssertionError("her check was refused: " + kept.body());
		}
		return member;
	}

	/** A profile for week 24 on {@code today}: lower back 5, front of the pelvis 2, somewhat active, 30 min × 4. */
	public static String week24Profile(java.time.LocalDate today) {
		return "{\"dueDate\":\"" + today.plusWeeks(16) + "\",\"pain\":{\"LOWER_BACK\":5,\"PELVIS_FRONT\":2},"
				+ "\"priorActivity\":\"SOME\",\"equipment\":[\"MAT\",\"CHAIR\",\"WALL\"],\"floor\":true,"
				+ "\"minutes\":30,\"sessionsPerWeek\":4}";
	}

}
