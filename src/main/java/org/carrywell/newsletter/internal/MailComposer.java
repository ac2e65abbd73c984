package org.carrywell.newsletter.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.carrywell.newsletter.Topic;

/**
 * Builds every e-mail the newsletter sends, as HTML with a plain-text alternative, from the templates under
 * {@code templates/mail/}. Every message carries a link to the subscriber's preferences and the RFC 8058
 * one-click unsubscribe headers.
 */
public class MailComposer {

	/** Mail is written in the site's default language until the site has others. */
	private static final Locale LOCALE = Locale.ROOT;

	private static final Session SESSION = Session.getInstance(new Properties());

	private final ITemplateEngine templates;

	private final MessageSource messages;

	private final NewsletterProperties properties;

	private final LinkSigner signer;

	private final Clock clock;

	public MailComposer(ITemplateEngine templates, MessageSource messages, NewsletterProperties properties,
			LinkSigner signer, Clock clock) {
		this.templates = templates;
		this.messages = messages;
		this.properties = properties;
		this.signer = signer;
		this.clock = clock;
	}

	public MimeMessage confirmation(Subscriber subscriber, String token, Set<Topic> topics) {
		String confirmUrl = link("/newsletter/confirm").queryParam("token", token).build().toUriString();
		var model = Map.<String, Object>of("confirmUrl", confirmUrl, "topics", topics, "validHours",
				properties.confirmationValidity().toHours());
		String subject = messages.getMessage("mail.confirm.subject", null, LOCALE);
		return message(subscriber, subject, "confirm", model, null);
	}

	public MimeMessage issue(Subscriber subscriber, NewsletterIssue issue) {
		var model = Map.<String, Object>of("bodyHtml", IssueMarkdown.toHtml(issue.bodyMarkdown()), "bodyText",
				issue.bodyMarkdown(), "subject", issue.subject(), "topics", subscriber.topics());
		return message(subscriber, issue.subject(), "issue", model, issue.id());
	}

	public String preferencesUrl(long subscriberId) {
		return link("/newsletter/preferences").queryParam("t", signer.sign(subscriberId)).build().toUriString();
	}

	private MimeMessage message(Subscriber subscriber, String subject, String template, Map<String, Object> model,
			Long issueId) {
		String token = signer.sign(subscriber.id());
		String unsubscribeUrl = link("/newsletter/unsubscribe").queryParam("t", token).build().toUriString();
		String oneClickUrl = link("/newsletter/unsubscribe/one-click").queryParam("t", token).build().toUriString();
		var context = new Context(LOCALE);
		context.setVariables(model);
		context.setVariable("unsubscribeUrl", unsubscribeUrl);
		context.setVariable("preferencesUrl", preferencesUrl(subscriber.id()));
		context.setVariable("siteUrl", properties.baseUrl().toString());
		try {
			MimeMessage message = issueId == null ? new MimeMessage(SESSION)
					: new StableIdMimeMessage(SESSION, messageId(issueId, subscriber.id()));
			var helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_RELATED,
					StandardCharsets.UTF_8.name());
			helper.setFrom(properties.from());
			helper.setTo(subscriber.email());
			helper.setSubject(subject);
			helper.setSentDate(Date.from(clock.instant()));
			helper.setText(templates.process(template + ".txt", context), templates.process(template + ".html", context));
			message.setHeader("List-Unsubscribe", "<" + oneClickUrl + ">");
			message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			message.setHeader("Auto-Submitted", "auto-generated");
			return message;
		}
		catch (MessagingException invalid) {
			throw new IllegalStateException("Could not build the " + template + " e-mail", invalid);
		}
	}

	/**
	 * The same Message-ID for the same issue and subscriber, whatever happens: should a copy ever travel twice,
	 * mail programs that de-duplicate by Message-ID show it once.
	 */
	private String messageId(long issueId, long subscriberId) {
		return "<issue-" + issueId + "." + subscriberId + "@" + properties.baseUrl().getHost() + ">";
	}

	private UriComponentsBuilder link(String path) {
		URI base = properties.baseUrl();
		return UriComponentsBuilder.fromUri(base).path(path);
	}

	/** A message whose Message-ID is set by us rather than made up afresh on every save. */
	private static final class StableIdMimeMessage extends MimeMessage {

		private final String messageId;

		StableIdMimeMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", messageId);
		}

	}

}
