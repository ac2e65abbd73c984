package org.carrywell.accounts.internal;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.Executor;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.util.UriComponentsBuilder;

import org.carrywell.system.MailTransport;

/**
 * The account e-mails, in plain text (every mail program shows it, and a screen reader reads it as written). They
 * are sent in the background: answering at once, whether or not a message goes out, is what keeps a page from
 * telling who has an account by how long it takes.
 */
public class AccountMail {

	private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

	public enum Kind {

		/** A link that verifies her address. */
		VERIFY,
		/** Someone registered with an address that already has an account. */
		ALREADY_REGISTERED,
		/** A link that sets a new password. */
		RESET,
		/** A reset was asked for an address with no account (it says so, and how to register). */
		RESET_NO_ACCOUNT

	}

	private final MailTransport transport;

	private final Executor executor;

	private final MessageSource messages;

	private final URI baseUrl;

	private final String from;

	public AccountMail(MailTransport transport, Executor executor, MessageSource messages, URI baseUrl, String from) {
		this.transport = transport;
		this.executor = executor;
		this.messages = messages;
		this.baseUrl = baseUrl;
		this.from = from;
	}

	/** Queues the message; a failure is logged (she can ask again), never shown as a difference on the page. */
	public void send(Kind kind, String to, String path, Locale locale) {
		String link = UriComponentsBuilder.fromUri(baseUrl).path(path).build().toUriString();
		executor.execute(() -> {
			try {
				transport.send(compose(kind, to, link, locale));
			}
			catch (RuntimeException failed) {
				log.warn("Account e-mail ({}) could not be sent: {}", kind, failed.getMessage());
			}
		});
	}

	MimeMessage compose(Kind kind, String to, String link, Locale locale) {
		String key = "account.mail." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
		try {
			var message = new MimeMessage((jakarta.mail.Session) null);
			var helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(from);
			helper.setTo(to);
			helper.setSubject(messages.getMessage(key + ".subject", null, locale));
			String body = messages.getMessage(key + ".body", new Object[] { link }, locale) + "\n\n"
					+ messages.getMessage("account.mail.footer", new Object[] { baseUrl.toString() }, locale);
			helper.setText(body, false);
			message.setHeader("Auto-Submitted", "auto-generated");
			return message;
		}
		catch (MessagingException invalid) {
			throw new IllegalStateException("Could not compose the account e-mail " + kind, invalid);
		}
	}

}
