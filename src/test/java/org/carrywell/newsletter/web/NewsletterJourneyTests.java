package org.carrywell.newsletter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message.RecipientType;
import jakarta.servlet.http.Cookie;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.carrywell.newsletter.Mails;
import org.carrywell.newsletter.NewsletterTables;
import org.carrywell.newsletter.internal.DeliveryWorker;

/**
 * The whole newsletter against a real SMTP server (GreenMail): sign up, confirm through the e-mailed link,
 * receive an issue the editor sends, leave with the one-click header, and receive nothing after.
 */
@SpringBootTest(properties = { "carrywell.newsletter.editor.password=correct horse battery staple",
		"carrywell.newsletter.base-url=https://carrywell.example", "spring.mail.host=127.0.0.1",
		"spring.mail.properties.mail.smtp.starttls.required=false",
		"spring.mail.properties.mail.smtp.starttls.enable=false" })
@AutoConfigureMockMvc
class NewsletterJourneyTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	DeliveryWorker worker;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void startEmpty() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
		NewsletterTables.clear(jdbc);
	}

	@Test
	void signUpConfirmReceiveAnIssueAndLeaveWithOneClick() throws Exception {
		mvc.perform(signUp("  Reader@Example.ORG ", "WORKOUT_IDEAS", "WOMENS_HEALTH"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/newsletter/check-your-inbox"));

		MimeMessage confirmation = nextMail();
		assertThat(confirmation.getRecipients(RecipientType.TO)).extracting(Object::toString)
			.containsExactly("reader@example.org");
		assertThat(confirmation.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
		String confirmLink = Mails.link(confirmation, "/newsletter/confirm");
		String token = confirmLink.substring(confirmLink.indexOf("token=") + "token=".length());
		assertThat(storedTokenHashes()).as("only the hash of the token is stored").doesNotContain(token).hasSize(1);

		// Following the link asks for a press of the button: a mail scanner's GET confirms nothing.
		mvc.perform(get(confirmLink)).andExpect(status().isOk()).andExpect(content().string(containsString("name=\"token\"")));
		assertThat(subscriberStatus("reader@example.org")).isEqualTo("PENDING");
		String preferences = mvc.perform(post("/newsletter/confirm").param("token", token).with(csrf()))
			.andExpect(status().isFound())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(preferences).startsWith("/newsletter/preferences?notice=confirmed&t=");
		// The notice travels in the address: a flash attribute would need an HTTP session.
		mvc.perform(get(preferences))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("your subscription is confirmed")))
			.andExpect(content().string(containsString("value=\"WORKOUT_IDEAS\" checked")));
		assertThat(subscriberStatus("reader@example.org")).isEqualTo("CONFIRMED");
		assertThat(consentTrail()).containsExactly("CONFIRMED CONFIRMATION_LINK v1 WORKOUT_IDEAS,WOMENS_HEALTH");

		// The link was single-use.
		mvc.perform(get(confirmLink)).andExpect(status().isGone());
		mvc.perform(post("/newsletter/confirm").param("token", token).with(csrf())).andExpect(status().isGone());

		Cookie editor = logInAsEditor();
		long issueId = writeIssue(editor, "Five-minute stretches", "WORKOUT_IDEAS",
				"# Stretch\n\nTry the **wall pelvic tilt**. <script>alert(1)</script>");
		mvc.perform(post("/admin/newsletter/issues/" + issueId + "/send").cookie(editor).with(csrf()))
			.andExpect(status().isFound());
		assertThat(worker.runBatch()).isEqualTo(1);

		MimeMessage issue = nextMail();
		assertThat(issue.getSubject()).isEqualTo("Five-minute stretches");
		String body = Mails.html(issue);
		assertThat(body).contains("<strong>wall pelvic tilt</strong>").contains("&lt;script&gt;").doesNotContain("<script>");
		assertThat(issue.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(issue.getMessageID()).startsWith("<issue-" + issueId + ".");
		Mails.link(issue, "/newsletter/preferences");
		Mails.link(issue, "/newsletter/unsubscribe");

		// RFC 8058: the mail program POSTs the header's URL with no cookie and no CSRF token.
		mvc.perform(post(Mails.headerLink(issue, "List-Unsubscribe")).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("List-Unsubscribe=One-Click"))
			.andExpect(status().isOk());
		assertThat(subscriberStatus("reader@example.org")).isEqualTo("UNSUBSCRIBED");
		assertThat(consentTrail()).last().asString().startsWith("UNSUBSCRIBED ONE_CLICK");

		long second = writeIssue(editor, "More ideas", "WORKOUT_IDEAS", "Nothing for her now.");
		mvc.perform(post("/admin/newsletter/issues/" + second + "/send").cookie(editor).with(csrf()));
		assertThat(worker.runBatch()).isZero();
		assertThat(smtp.getReceivedMessages()).as("nothing after unsubscribing").isEmpty();
	}

	@Test
	void theUnsubscribeLinkInTheBodyLeadsToOneButtonAndAConfirmationOnScreen() throws Exception {
		String preferences = subscribe("leaver@example.org", "GEAR_REVIEWS");
		String token = preferences.substring(preferences.indexOf("t=") + 2);

		mvc.perform(get("/newsletter/unsubscribe").param("t", token)).andExpect(status().isOk());
		mvc.perform(post("/newsletter/preferences").param("t", token).param("consentVersion", "v1").with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose at least one topic")));
		assertThat(subscriberStatus("leaver@example.org")).as("a GET changes nothing").isEqualTo("CONFIRMED");
		mvc.perform(post("/newsletter/unsubscribe").param("t", token).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/newsletter/unsubscribed?t=" + token));
		assertThat(subscriberStatus("leaver@example.org")).isEqualTo("UNSUBSCRIBED");
		mvc.perform(get("/newsletter/unsubscribed").param("t", token))
			.andExpect(content().string(containsString("You are unsubscribed")));

		// Coming back through the old link is a new sign-up: nothing changes until her inbox confirms it.
		mvc.perform(post("/newsletter/preferences").param("t", token).param("topics", "WOMENS_HEALTH")
			.param("consentVersion", "v1").with(csrf())).andExpect(redirectedUrl("/newsletter/check-your-inbox"));
		assertThat(subscriberStatus("leaver@example.org")).isEqualTo("UNSUBSCRIBED");
		String link = Mails.link(nextMail(), "/newsletter/confirm");
		mvc.perform(post("/newsletter/confirm").param("token", link.substring(link.indexOf("token=") + "token=".length()))
			.with(csrf())).andExpect(status().isFound());
		assertThat(subscriberStatus("leaver@example.org")).isEqualTo("CONFIRMED");
		assertThat(consentTrail()).extracting(line -> line.split(" ")[0])
			.containsExactly("CONFIRMED", "UNSUBSCRIBED", "RESUBSCRIBED");
	}

	@Test
	void theAnswerIsTheSameForANewAPendingAndAConfirmedAddress() throws Exception {
		subscribe("known@example.org", "WORKOUT_IDEAS");
		mvc.perform(signUp("pending@example.org", "WORKOUT_IDEAS"));
		nextMail();

		String[] answers = new String[3];
		String[] addresses = { "brand-new@example.org", "pending@example.org", "known@example.org" };
		for (int i = 0; i < addresses.length; i++) {
			var response = mvc.perform(signUp(addresses[i], "GEAR_REVIEWS")).andReturn().getResponse();
			answers[i] = response.getStatus() + " " + response.getRedirectedUrl() + " " + response.getContentAsString()
					+ " " + response.getHeaderNames().stream().sorted().toList();
			nextMail();
		}
		assertThat(answers[1]).isEqualTo(answers[0]);
		assertThat(answers[2]).isEqualTo(answers[0]);
		assertThat(subscriberStatus("known@example.org")).as("a sign-up changes nothing until confirmed")
			.isEqualTo("CONFIRMED");
	}

	@Test
	void aRobotFillingTheHoneypotIsThankedAndSentNothing() throws Exception {
		mvc.perform(signUp("robot@example.org", "WORKOUT_IDEAS").param("website", "https://spam.example"))
			.andExpect(redirectedUrl("/newsletter/check-your-inbox"));
		Thread.sleep(300);
		assertThat(smtp.getReceivedMessages()).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM newsletter_subscriber").query(Long.class).single()).isZero();
	}

	@Test
	void badInputIsAnsweredOnTheFieldAndStoresNothing() throws Exception {
		mvc.perform(signUp("not an address", "WORKOUT_IDEAS"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("newsletter-email-error")));
		mvc.perform(signUp("reader@example.org"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose at least one topic")));
		mvc.perform(signUp("reader@example.org", "NOPE"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose topics from the list")));
		mvc.perform(post("/newsletter").param("email", "a@example.org", "b@example.org").param("topics", "GEAR_REVIEWS")
			.param("consentVersion", "v1").with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Enter one e-mail address")));
		mvc.perform(post("/newsletter").param("email", "reader@example.org").param("topics", "GEAR_REVIEWS")
			.param("consentVersion", "v0").with(csrf())).andExpect(status().isBadRequest());
		mvc.perform(post("/newsletter").param("email", "reader@example.org").param("topics", "GEAR_REVIEWS")
			.param("consentVersion", "v1")).andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM newsletter_subscriber").query(Long.class).single()).isZero();
	}

	@Test
	void signedLinksCannotBeForged() throws Exception {
		String preferences = subscribe("owner@example.org", "WORKOUT_IDEAS");
		String token = preferences.substring(preferences.indexOf("t=") + 2);
		assertThat(token).as("a link names no subscriber id").doesNotContain(".");
		String forged = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);

		mvc.perform(get("/newsletter/preferences").param("t", forged)).andExpect(status().isNotFound());
		mvc.perform(get("/newsletter/preferences").param("t", token + "x")).andExpect(status().isNotFound());
		mvc.perform(post("/newsletter/unsubscribe/one-click").param("t", "1.AAAA")).andExpect(status().isNotFound());
		mvc.perform(get("/newsletter/preferences")).andExpect(status().isNotFound());
		assertThat(subscriberStatus("owner@example.org")).isEqualTo("CONFIRMED");
	}

	@Test
	void theEditorPagesNeedTheEditorAndTheExportListsConfirmedSubscribersSafely() throws Exception {
		mvc.perform(get("/admin/newsletter")).andExpect(status().isFound())
			.andExpect(header().string("Location", containsString("/admin/login")));
		mvc.perform(formLogin("/admin/login").user("editor").password("wrong")).andExpect(redirectedUrl("/admin/login?error"));

		subscribe("=cmd@example.org", "WORKOUT_IDEAS");
		mvc.perform(signUp("pending-only@example.org", "WORKOUT_IDEAS"));
		nextMail();
		Cookie editor = logInAsEditor();
		String csv = mvc.perform(get("/admin/newsletter/subscribers.csv").cookie(editor))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn().getResponse().getContentAsString();
		assertThat(csv.split("\r\n")).hasSize(2);
		assertThat(csv).contains("'=cmd@example.org,WORKOUT_IDEAS,").doesNotContain("pending-only");
	}

	@Test
	void anIssueIsQueuedOnceHoweverOftenSendIsPressed() throws Exception {
		subscribe("once@example.org", "TRAINING_ADVICE");
		Cookie editor = logInAsEditor();
		mvc.perform(get("/admin/newsletter/issues/new").cookie(editor)).andExpect(status().isOk());
		long issueId = writeIssue(editor, "Advice", "TRAINING_ADVICE", "Walk a *little* every day.");
		mvc.perform(get("/admin/newsletter/issues/" + issueId).cookie(editor))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<em>little</em>")))
			.andExpect(content().string(containsString("Send to 1 subscriber<")));
		mvc.perform(post("/admin/newsletter/issues").cookie(editor).with(csrf()).param("subject", "")
			.param("topics", "TRAINING_ADVICE").param("body", "x"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Write a subject.")));
		mvc.perform(get("/admin/newsletter/issues/99999").cookie(editor)).andExpect(status().isNotFound());
		for (int click = 0; click < 3; click++) {
			mvc.perform(post("/admin/newsletter/issues/" + issueId + "/send").cookie(editor).with(csrf()));
		}
		worker.runBatch();
		worker.runBatch();
		assertThat(smtp.getReceivedMessages()).hasSize(1);
		mvc.perform(get("/admin/newsletter/issues/" + issueId).cookie(editor))
			.andExpect(content().string(containsString("Sent: 1")));
		mvc.perform(get("/admin/newsletter").cookie(editor))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Confirmed subscribers: 1")));
	}

	/** Signs up and confirms; returns the preferences path the confirmation leads to. */
	private String subscribe(String email, String... topics) throws Exception {
		mvc.perform(signUp(email, topics)).andExpect(status().isFound());
		String link = Mails.link(nextMail(), "/newsletter/confirm");
		String token = link.substring(link.indexOf("token=") + "token=".length());
		return mvc.perform(post("/newsletter/confirm").param("token", token).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
	}

	private MockHttpServletRequestBuilder signUp(String email, String... topics) {
		return post("/newsletter").param("email", email).param("topics", topics).param("consentVersion", "v1")
			.with(csrf());
	}

	private Cookie logInAsEditor() throws Exception {
		var result = mvc.perform(formLogin("/admin/login").user("editor").password("correct horse battery staple"))
			.andExpect(redirectedUrl("/admin/newsletter"))
			.andReturn();
		// Sessions live in the database (Spring Session): the editor is who holds the session cookie.
		return result.getResponse().getCookie("SESSION");
	}

	private long writeIssue(Cookie editor, String subject, String topic, String body) throws Exception {
		String location = mvc.perform(post("/admin/newsletter/issues").cookie(editor).with(csrf())
			.param("subject", subject).param("topics", topic).param("body", body))
			.andExpect(status().isFound())
			.andReturn().getResponse().getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	/** Waits for the next e-mail (confirmations are sent in the background) and removes it from the server. */
	private MimeMessage nextMail() throws Exception {
		assertThat(smtp.waitForIncomingEmail(5_000, 1)).as("an e-mail arrives").isTrue();
		MimeMessage[] received = smtp.getReceivedMessages();
		MimeMessage newest = received[received.length - 1];
		smtp.purgeEmailFromAllMailboxes();
		return newest;
	}

	private String subscriberStatus(String email) {
		return jdbc.sql("SELECT status FROM newsletter_subscriber WHERE email = ?").param(email).query(String.class).single();
	}

	private java.util.List<String> storedTokenHashes() {
		return jdbc.sql("SELECT token_hash FROM newsletter_confirmation").query(String.class).list();
	}

	private java.util.List<String> consentTrail() {
		return jdbc.sql("SELECT action, method, consent_version, topics FROM newsletter_consent ORDER BY id")
			.query((rs, row) -> String.join(" ", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

}
