package org.carrywell.newsletter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import org.carrywell.MutableClock;
import org.carrywell.newsletter.NewsletterTables;
import org.carrywell.newsletter.Topic;
import org.carrywell.newsletter.internal.ConsentRecord.Method;
import org.carrywell.system.MailTransport;
import org.carrywell.system.RateLimiter;
import org.carrywell.system.RateLimits;

/**
 * The newsletter's storage and delivery guarantees, run unchanged on each supported database (one subclass
 * per database): exactly one copy per subscriber across a crash, the unique key, retries with backoff, the
 * send-rate cap, single-use expiring confirmations, the per-address sign-up limit and the consent trail.
 * Workers are built by hand here so that a "restart" really is a new set of objects over the same database.
 */
abstract class NewsletterPersistenceContract {

	static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@Autowired
	RateLimits rateLimits;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SubscriberStore subscribers;

	@Autowired
	IssueStore issues;

	@Autowired
	MailComposer composer;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MessageSource messages;

	final MutableClock clock = new MutableClock(START);

	@BeforeEach
	void startEmpty() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
		NewsletterTables.clear(jdbc);
	}

	@Test
	void eachSubscriberGetsExactlyOneCopyWhenTheSenderDiesBetweenSendingAndRecording() throws Exception {
		List<String> addresses = subscribe(10, Topic.WORKOUT_IDEAS);
		long issueId = queueIssue(Topic.WORKOUT_IDEAS);

		// The fourth "recorded as sent" never happens: the process dies right after the SMTP server took the mail.
		var dyingQueue = new DeliveryQueue(jdbc) {
			int recorded;

			@Override
			public void markSent(long id, Instant now) {
				if (++recorded == 4) {
					throw new SimulatedCrash();
				}
				super.markSent(id, now);
			}
		};
		assertThatThrownBy(() -> worker(dyingQueue, smtpTransport(), settings(50, 1000)).runBatch())
			.isInstanceOf(SimulatedCrash.class);
		assertThat(smtp.getReceivedMessages()).hasSize(4);
		assertThat(statusCounts(issueId)).containsEntry("SENT", 3L).containsEntry("SENDING", 1L).containsEntry("QUEUED", 6L);

		// Restart: new objects, same database, some time later.
		clock.advance(Duration.ofMinutes(11));
		var restarted = worker(new DeliveryQueue(jdbc), smtpTransport(), settings(50, 1000));
		assertThat(restarted.runBatch()).isEqualTo(6);
		assertThat(restarted.runBatch()).isZero();

		assertThat(copiesPerRecipient()).containsOnlyKeys(addresses).allSatisfy((address, copies) -> assertThat(copies)
			.as("copies received by %s", address).isEqualTo(1L));
		assertThat(statusCounts(issueId)).containsEntry("SENT", 9L).containsEntry("IN_DOUBT", 1L);
	}

	@Test
	void theDatabaseRefusesASecondDeliveryOfOneIssueToOneSubscriber() {
		subscribe(1, Topic.GEAR_REVIEWS);
		long issueId = queueIssue(Topic.GEAR_REVIEWS);
		long subscriberId = jdbc.sql("SELECT id FROM newsletter_subscriber").query(Long.class).single();

		assertThatThrownBy(() -> jdbc.sql("""
				INSERT INTO newsletter_delivery (issue_id, subscriber_id, status, attempts, next_attempt_at)
				VALUES (?, ?, 'QUEUED', 0, ?)""").params(issueId, subscriberId, SubscriberStore.timestamp(START)).update())
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThat(editor().queue(issueId)).as("queuing it again").isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM newsletter_delivery").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aFailedDeliveryIsRetriedWithADoublingWaitAndFinallyRecordedAsFailed() {
		subscribe(1, Topic.TRAINING_ADVICE);
		long issueId = queueIssue(Topic.TRAINING_ADVICE);
		MailTransport refusing = message -> {
			throw new MailSendException("421 try again later");
		};
		var worker = worker(new DeliveryQueue(jdbc), refusing, settings(50, 1000));

		worker.runBatch();
		assertThat(delivery()).satisfies(delivery -> {
			assertThat(delivery.status()).isEqualTo(DeliveryQueue.Status.QUEUED);
			assertThat(delivery.attempts()).isEqualTo(1);
			assertThat(delivery.nextAttemptAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
			assertThat(delivery.lastError()).contains("421 try again later");
		});
		clock.advance(Duration.ofSeconds(30));
		worker.runBatch();
		assertThat(delivery().attempts()).as("not due yet").isEqualTo(1);

		clock.advance(Duration.ofSeconds(30));
		worker.runBatch();
		assertThat(delivery().attempts()).isEqualTo(2);
		assertThat(delivery().nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));

		clock.advance(Duration.ofMinutes(2));
		worker.runBatch();
		assertThat(delivery().status()).isEqualTo(DeliveryQueue.Status.FAILED);
		assertThat(delivery().attempts()).isEqualTo(3);
		assertThat(statusCounts(issueId)).containsEntry("FAILED", 1L);

		clock.advance(Duration.ofHours(1));
		assertThat(worker.runBatch()).as("a failed delivery stays failed").isZero();
	}

	@Test
	void aDeliveryThatFailsOnceArrivesOnTheRetry() throws Exception {
		subscribe(1, Topic.WOMENS_HEALTH);
		queueIssue(Topic.WOMENS_HEALTH);
		MailTransport real = smtpTransport();
		var failures = new int[] { 1 };
		MailTransport flaky = message -> {
			if (failures[0]-- > 0) {
				throw new MailSendException("Connection refused");
			}
			real.send(message);
		};
		var worker = worker(new DeliveryQueue(jdbc), flaky, settings(50, 1000));
		assertThat(worker.runBatch()).isZero();
		clock.advance(Duration.ofMinutes(1));
		assertThat(worker.runBatch()).isOne();
		assertThat(smtp.getReceivedMessages()).hasSize(1);
		assertThat(delivery().status()).isEqualTo(DeliveryQueue.Status.SENT);
	}

	@Test
	void theSendRateCapHoldsBackTheRestForLater() {
		subscribe(5, Topic.GEAR_REVIEWS);
		long issueId = queueIssue(Topic.GEAR_REVIEWS);
		var worker = worker(new DeliveryQueue(jdbc), message -> {
		}, settings(2, 3));

		assertThat(worker.runBatch()).as("batch size").isEqualTo(2);
		assertThat(worker.runBatch()).as("what is left of the per-minute budget").isEqualTo(1);
		assertThat(worker.runBatch()).isZero();
		assertThat(statusCounts(issueId)).containsEntry("SENT", 3L).containsEntry("QUEUED", 2L);
	}

	@Test
	void onlyConfirmedSubscribersOfTheIssuesTopicsAreQueued() {
		subscribe(2, Topic.WORKOUT_IDEAS);
		subscribers.insertPending("pending@example.org", START);
		long other = subscribers.insertPending("other-topic@example.org", START);
		subscribers.markConfirmed(other, EnumSet.of(Topic.GEAR_REVIEWS), START);
		long left = subscribers.insertPending("left@example.org", START);
		subscribers.markConfirmed(left, EnumSet.of(Topic.WORKOUT_IDEAS), START);
		subscribers.markUnsubscribed(left, START);

		long issueId = issues.insertDraft("Ideas", EnumSet.of(Topic.WORKOUT_IDEAS, Topic.WOMENS_HEALTH), "Text", START);
		assertThat(editor().queue(issueId)).contains(2);
	}

	@Test
	void aConfirmationLinkWorksOnceAndNotAfter48Hours() {
		var sent = new ArrayList<MimeMessage>();
		var subscriptions = subscriptions(capture(sent), rateLimits.limiter("test-" + UUID.randomUUID().toString().substring(0, 8), 100, Duration.ofHours(1)));

		subscriptions.signUp("late@example.org", EnumSet.of(Topic.WORKOUT_IDEAS), "v1");
		subscriptions.signUp("prompt@example.org", EnumSet.of(Topic.WORKOUT_IDEAS), "v1");
		String lateToken = token(sent.get(0));
		String promptToken = token(sent.get(1));

		clock.advance(Duration.ofHours(47));
		assertThat(subscriptions.confirm(promptToken)).isPresent();
		assertThat(subscriptions.confirm(promptToken)).as("used").isEmpty();
		clock.advance(Duration.ofHours(1));
		assertThat(subscriptions.confirmationUsable(lateToken)).isFalse();
		assertThat(subscriptions.confirm(lateToken)).as("expired").isEmpty();
		assertThat(subscriptions.confirm("made-up-token")).isEmpty();
		assertThat(subscribers.findByEmail("late@example.org").orElseThrow().status()).isEqualTo(Subscriber.Status.PENDING);
	}

	@Test
	void aSignUpNeverConfirmedIsForgottenAWeekAfterItsLastLinkExpired() {
		var sent = new ArrayList<MimeMessage>();
		var subscriptions = subscriptions(capture(sent), rateLimits.limiter("test-" + UUID.randomUUID().toString().substring(0, 8), 100, Duration.ofHours(1)));
		subscriptions.signUp("never@example.org", EnumSet.of(Topic.WORKOUT_IDEAS), "v1");
		subscriptions.signUp("confirmed@example.org", EnumSet.of(Topic.WORKOUT_IDEAS), "v1");
		subscriptions.confirm(token(sent.get(1))).orElseThrow();

		clock.advance(Duration.ofHours(48).plusDays(6));
		subscriptions.signUp("late-retry@example.org", EnumSet.of(Topic.WORKOUT_IDEAS), "v1");
		assertThat(subscriptions.forgetUnconfirmed()).as("within the week after expiry").isZero();

		clock.advance(Duration.ofDays(1).plusMinutes(1));
		assertThat(subscriptions.forgetUnconfirmed()).isOne();
		assertThat(subscribers.findByEmail("never@example.org")).isEmpty();
		assertThat(subscribers.findByEmail("confirmed@example.org")).isPresent();
		assertThat(subscribers.findByEmail("late-retry@example.org")).as("its link is still young").isPresent();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM newsletter_confirmation").query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void oneAddressIsSentOnlyAsManyConfirmationsAsItsLimitAllows() {
		var sent = new ArrayList<MimeMessage>();
		var subscriptions = subscriptions(capture(sent), rateLimits.limiter("test-" + UUID.randomUUID().toString().substring(0, 8), 2, Duration.ofHours(1)));

		for (int attempt = 0; attempt < 5; attempt++) {
			subscriptions.signUp("flooded@example.org", EnumSet.of(Topic.GEAR_REVIEWS), "v1");
		}
		subscriptions.signUp("someone-else@example.org", EnumSet.of(Topic.GEAR_REVIEWS), "v1");

		assertThat(sent).hasSize(3);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM newsletter_confirmation").query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void tagsOfOneInboxShareItsLimit() {
		var sent = new ArrayList<MimeMessage>();
		var subscriptions = subscriptions(capture(sent), rateLimits.limiter("test-" + UUID.randomUUID().toString().substring(0, 8), 2, Duration.ofHours(1)));

		for (int tag = 0; tag < 5; tag++) {
			subscriptions.signUp("tagged+" + tag + "@example.org", EnumSet.of(Topic.GEAR_REVIEWS), "v1");
		}

		assertThat(sent).hasSize(2);
	}

	@Test
	void everyChangeOfConsentIsRecordedAndLeavingCancelsWhatIsQueued() {
		var sent = new ArrayList<MimeMessage>();
		var subscriptions = subscriptions(capture(sent), rateLimits.limiter("test-" + UUID.randomUUID().toString().substring(0, 8), 100, Duration.ofHours(1)));
		subscriptions.signUp("changer@example.org", EnumSet.of(Topic.WORKOUT_IDEAS), "v1");
		long id = subscriptions.confirm(token(sent.get(0))).orElseThrow();
		clock.advance(Duration.ofMinutes(5));
		assertThat(subscriptions.changeTopics(id, EnumSet.of(Topic.GEAR_REVIEWS, Topic.WOMENS_HEALTH), "v1")).isTrue();
		long issueId = queueIssue(Topic.GEAR_REVIEWS);
		clock.advance(Duration.ofMinutes(5));
		assertThat(subscriptions.unsubscribe(id, Method.ONE_CLICK)).isTrue();
		assertThat(subscriptions.unsubscribe(id, Method.UNSUBSCRIBE_LINK)).as("twice").isTrue();

		assertThat(subscribers.consentTrail(id)).extracting(ConsentRecord::action, ConsentRecord::topics,
				ConsentRecord::method, ConsentRecord::recordedAt)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(ConsentRecord.Action.CONFIRMED, Set.of(Topic.WORKOUT_IDEAS),
							Method.CONFIRMATION_LINK, START),
					org.assertj.core.groups.Tuple.tuple(ConsentRecord.Action.TOPICS_CHANGED,
							Set.of(Topic.GEAR_REVIEWS, Topic.WOMENS_HEALTH), Method.PREFERENCES_PAGE,
							START.plus(Duration.ofMinutes(5))),
					org.assertj.core.groups.Tuple.tuple(ConsentRecord.Action.UNSUBSCRIBED,
							Set.of(Topic.GEAR_REVIEWS, Topic.WOMENS_HEALTH), Method.ONE_CLICK,
							START.plus(Duration.ofMinutes(10))));
		assertThat(statusCounts(issueId)).containsEntry("CANCELLED", 1L);
	}

	/** Confirmed subscribers {@code reader-0@example.org} … of one topic; returns their addresses. */
	List<String> subscribe(int count, Topic topic) {
		return IntStream.range(0, count).mapToObj(i -> {
			String email = "reader-" + i + "@example.org";
			long id = subscribers.insertPending(email, START);
			subscribers.markConfirmed(id, EnumSet.of(topic), START);
			return email;
		}).toList();
	}

	long queueIssue(Topic topic) {
		long issueId = issues.insertDraft("An issue about " + topic, EnumSet.of(topic), "Some *text*.", clock.instant());
		assertThat(editor().queue(issueId)).isPresent();
		return issueId;
	}

	NewsletterEditor editor() {
		return new NewsletterEditor(issues, new DeliveryQueue(jdbc), subscribers, transactions, clock);
	}

	Subscriptions subscriptions(MailTransport transport, RateLimiter perAddress) {
		var properties = new NewsletterProperties(java.net.URI.create("https://carrywell.example"),
				"Carrywell <newsletter@carrywell.example>",
				Duration.ofHours(48), null, null, null, null);
		var linkSigner = new LinkSigner(new byte[32]);
		var testComposer = new MailComposer(templateEngine(), messages, properties, linkSigner, clock);
		return new Subscriptions(subscribers, new DeliveryQueue(jdbc), testComposer, transport, Runnable::run,
				perAddress, transactions, properties, clock);
	}

	/** A transport that keeps messages in a list, finished as they would be on the wire. */
	static MailTransport capture(List<MimeMessage> sent) {
		return message -> {
			try {
				message.saveChanges();
			}
			catch (MessagingException invalid) {
				throw new AssertionError(invalid);
			}
			sent.add(message);
		};
	}

	DeliveryWorker worker(DeliveryQueue queue, MailTransport transport, NewsletterProperties.Delivery settings) {
		return new DeliveryWorker(queue, subscribers, issues, composer, transport, settings, clock);
	}

	static NewsletterProperties.Delivery settings(int batchSize, int perMinute) {
		return new NewsletterProperties.Delivery(false, Duration.ofSeconds(5), batchSize, perMinute, 3,
				Duration.ofMinutes(1), Duration.ofMinutes(10));
	}

	MailTransport smtpTransport() {
		var sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(smtp.getSmtp().getPort());
		return sender::send;
	}

	DeliveryQueue.Delivery delivery() {
		long id = jdbc.sql("SELECT id FROM newsletter_delivery").query(Long.class).single();
		return new DeliveryQueue(jdbc).find(id).orElseThrow();
	}

	Map<String, Long> statusCounts(long issueId) {
		return jdbc.sql("SELECT status, COUNT(*) AS n FROM newsletter_delivery WHERE issue_id = ? GROUP BY status")
			.param(issueId)
			.query((rs, row) -> Map.entry(rs.getString("status"), rs.getLong("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	Map<String, Long> copiesPerRecipient() throws MessagingException {
		var recipients = new ArrayList<String>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			Arrays.stream(message.getRecipients(RecipientType.TO)).map(Object::toString).forEach(recipients::add);
		}
		return recipients.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	private static String token(MimeMessage confirmation) {
		try {
			String link = org.carrywell.newsletter.Mails.link(confirmation, "/newsletter/confirm");
			return link.substring(link.indexOf("token=") + "token=".length());
		}
		catch (Exception unreadable) {
			throw new AssertionError(unreadable);
		}
	}

	private org.thymeleaf.ITemplateEngine templateEngine() {
		var resolver = new org.thymeleaf.templateresolver.ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.getTextTemplateModePatternSpec().addPattern("*.txt");
		var engine = new org.thymeleaf.spring6.SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
		return engine;
	}

	/** Stands for the process dying: an Error, which nothing in the worker catches. */
	static final class SimulatedCrash extends Error {

		SimulatedCrash() {
			super("simulated crash between sending and recording");
		}

	}

}
