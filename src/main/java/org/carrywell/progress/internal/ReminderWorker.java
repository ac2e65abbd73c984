package org.carrywell.progress.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import org.carrywell.accounts.MemberAddresses;
import org.carrywell.system.MailTransport;

/**
 * Her reminders, on the days and at the time she chose in her time zone. Each run first queues every reminder
 * that fell due since the last hour (the queue's unique key makes that safe to repeat, on any node), then sends
 * what is due: claim (committed), send, record. A reminder is never sent twice: one interrupted between sending
 * and recording is set aside as in doubt. A reminder more than an hour late is not sent at all: it would only
 * confuse.
 */
@Component
public class ReminderWorker {

	private static final Logger log = LoggerFactory.getLogger(ReminderWorker.class);

	/** How late a reminder may still be queued (after a restart, say). */
	static final Duration CATCH_UP = Duration.ofHours(1);

	/** A claim older than this was interrupted. */
	static final Duration IN_DOUBT_AFTER = Duration.ofMinutes(10);

	static final int MAX_ATTEMPTS = 3;

	static final int BATCH = 200;

	private final ReminderSettings settings;

	private final ReminderQueue queue;

	private final ReminderLinks links;

	private final MemberAddresses addresses;

	private final MailTransport transport;

	private final MessageSource messages;

	private final Clock clock;

	private final URI baseUrl;

	private final String from;

	ReminderWorker(ReminderSettings settings, ReminderQueue queue, ReminderLinks links, MemberAddresses addresses,
			MailTransport transport, MessageSource messages, Clock clock, @Value("${carrywell.base-url}") URI baseUrl,
			@Value("${carrywell.reminders.from}") String from) {
		this.settings = settings;
		this.queue = queue;
		this.links = links;
		this.addresses = addresses;
		this.transport = transport;
		this.messages = messages;
		this.clock = clock;
		this.baseUrl = baseUrl;
		this.from = from;
	}

	/** Queues what fell due and sends what is due; returns how many reminders were sent. */
	public int run() {
		Instant now = clock.instant();
		for (ReminderSettings.Setting setting : settings.all()) {
			Instant since = setting.changedAt().isAfter(now.minus(CATCH_UP)) ? setting.changedAt() : now.minus(CATCH_UP);
			dueBetween(setting, since, now).ifPresent(due -> queue.enqueue(setting.member(), due));
		}
		int interrupted = queue.setAsideInterrupted(now.minus(IN_DOUBT_AFTER), now);
		if (interrupted > 0) {
			log.warn("{} reminders were interrupted between sending and recording; set aside, not sent again", interrupted);
		}
		int sent = 0;
		for (long id : queue.due(now, BATCH)) {
			if (deliver(id)) {
				sent++;
			}
		}
		return sent;
	}

	/** The latest moment of her choice in (since, now], if one falls there. */
	static Optional<Instant> dueBetween(ReminderSettings.Setting setting, Instant since, Instant now) {
		LocalDate today = now.atZone(setting.zone()).toLocalDate();
		for (LocalDate day = today; !day.isBefore(today.minusDays(1)); day = day.minusDays(1)) {
			if (!setting.days().contains(day.getDayOfWeek())) {
				continue;
			}
			Instant at = ZonedDateTime.of(day, setting.time(), setting.zone()).toInstant();
			if (at.isAfter(since) && !at.isAfter(now)) {
				return Optional.of(at);
			}
		}
		return Optional.empty();
	}

	private boolean deliver(long id) {
		Instant now = clock.instant();
		if (!queue.claim(id, now)) {
			return false;
		}
		ReminderQueue.Delivery delivery = queue.find(id).orElseThrow();
		if (delivery.dueAt().isBefore(now.minus(CATCH_UP))) {
			// Queued before an outage: an hour late, a reminder only confuses.
			queue.finish(id, ReminderQueue.Status.CANCELLED, delivery.attempts(), now, "More than an hour late; not sent");
			return false;
		}
		Optional<ReminderSettings.Setting> setting = settings.of(delivery.member());
		Optional<String> address = addresses.verifiedEmail(delivery.member());
		if (setting.isEmpty() || address.isEmpty()) {
			queue.finish(id, ReminderQueue.Status.CANCELLED, delivery.attempts(), now, "Reminders stopped before sending");
			return false;
		}
		try {
			transport.send(compose(setting.get(), address.get()));
		}
		catch (RuntimeException failure) {
			int attempts = delivery.attempts() + 1;
			String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
			if (attempts >= MAX_ATTEMPTS) {
				queue.finish(id, ReminderQueue.Status.FAILED, attempts, clock.instant(), error);
			}
			else {
				queue.retryLater(id, attempts, clock.instant().plus(Duration.ofMinutes(2L << attempts)), error);
			}
			return false;
		}
		queue.markSent(id, clock.instant());
		return true;
	}

	MimeMessage compose(ReminderSettings.Setting setting, String to) {
		Locale locale = Locale.ROOT;
		String token = links.token(setting);
		String plan = UriComponentsBuilder.fromUri(baseUrl).replacePath("/plan/mine").build().toUriString();
		String stop = UriComponentsBuilder.fromUri(baseUrl).replacePath("/reminders/stop").queryParam("t", token).build().toUriString();
		String oneClick = UriComponentsBuilder.fromUri(baseUrl)
			.replacePath("/reminders/stop/one-click")
			.queryParam("t", token)
			.build()
			.toUriString();
		try {
			var message = new MimeMessage((jakarta.mail.Session) null);
			var helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(from);
			helper.setTo(to);
			helper.setSubject(messages.getMessage("reminder.mail.subject", null, locale));
			helper.setText(messages.getMessage("reminder.mail.body", new Object[] { plan, stop }, locale), false);
			message.setHeader("Auto-Submitted", "auto-generated");
			message.setHeader("List-Unsubscribe", "<" + oneClick + ">");
			message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			return message;
		}
		catch (MessagingException invalid) {
			throw new IllegalStateException("Could not compose a reminder", invalid);
		}
	}

}
