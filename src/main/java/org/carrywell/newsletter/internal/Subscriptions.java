package org.carrywell.newsletter.internal;

import org.carrywell.system.MailTransport;
import org.carrywell.system.EmailAddresses;
import org.carrywell.system.RateLimiter;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

import org.carrywell.newsletter.Topic;
import org.carrywell.newsletter.internal.ConsentRecord.Action;
import org.carrywell.newsletter.internal.ConsentRecord.Method;

/**
 * The subscriber's side of the newsletter: sign-up with double opt-in, confirmation, changes of topics and
 * unsubscription, each recorded in the consent trail. A sign-up behaves the same whatever the address's state
 * (new, pending, confirmed, unsubscribed): one confirmation e-mail, nothing else, so nobody can learn from the
 * site who subscribes.
 */
public class Subscriptions {

	/** The version of the consent text the forms show now; its words are {@code newsletter.consent.<version>}. */
	public static final String CURRENT_CONSENT_VERSION = "v1";

	/** Every version ever shown; a new wording gets a new version and the old one stays for the records. */
	public static final Set<String> CONSENT_VERSIONS = Set.of("v1");

	/** How long after its last link expired an unconfirmed sign-up is still kept (to answer "where is my e-mail?"). */
	static final java.time.Duration UNCONFIRMED_GRACE = java.time.Duration.ofDays(7);

	private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

	private final SubscriberStore store;

	private final DeliveryQueue deliveries;

	private final MailComposer composer;

	private final MailTransport transport;

	private final Executor mailExecutor;

	private final RateLimiter perAddress;

	private final TransactionTemplate transactions;

	private final NewsletterProperties properties;

	private final Clock clock;

	public Subscriptions(SubscriberStore store, DeliveryQueue deliveries, MailComposer composer, MailTransport transport,
			Executor mailExecutor, RateLimiter perAddress, TransactionTemplate transactions,
			NewsletterProperties properties, Clock clock) {
		this.store = store;
		this.deliveries = deliveries;
		this.composer = composer;
		this.transport = transport;
		this.mailExecutor = mailExecutor;
		this.perAddress = perAddress;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Records a sign-up request and sends its confirmation link in the background (so the response takes as long
	 * for every address). An address over its limit is sent nothing, silently: telling would reveal it.
	 */
	public void signUp(String email, Set<Topic> topics, String consentVersion) {
		// Counted per inbox, so that tags and Gmail's dots do not multiply the limit.
		if (!perAddress.tryAcquire(EmailAddresses.mailbox(email))) {
			log.info("Sign-up limit reached for an address; no confirmation e-mail sent");
			return;
		}
		Instant now = clock.instant();
		String token = Tokens.newToken();
		Subscriber subscriber = transactions.execute(status -> {
			Subscriber existing = findOrCreate(email, now);
			store.insertConfirmation(Tokens.hash(token), existing.id(), topics, consentVersion, now,
					now.plus(properties.confirmationValidity()));
			return existing;
		});
		mailExecutor.execute(() -> {
			try {
				transport.send(composer.confirmation(subscriber, token, topics));
			}
			catch (RuntimeException failure) {
				// She sees "check your inbox" either way and can simply sign up again; the error is for the operator.
				log.error("Could not send a confirmation e-mail", failure);
			}
		});
	}

	private Subscriber findOrCreate(String email, Instant now) {
		return store.findByEmail(email).orElseGet(() -> {
			try {
				return store.findById(store.insertPending(email, now)).orElseThrow();
			}
			catch (DuplicateKeyException signedUpAtTheSameMoment) {
				return store.findByEmail(email).orElseThrow();
			}
		});
	}

	/** Whether a confirmation link can still be used (for the page that asks her to press "confirm"). */
	public boolean confirmationUsable(String token) {
		return store.findUsableConfirmation(Tokens.hash(token), clock.instant()).isPresent();
	}

	/** Confirms a sign-up; the subscriber id, or empty when the link is unknown, used or expired. */
	public Optional<Long> confirm(String token) {
		Instant now = clock.instant();
		return transactions.execute(status -> {
			var confirmation = store.findUsableConfirmation(Tokens.hash(token), now);
			if (confirmation.isEmpty() || !store.useConfirmation(confirmation.get().tokenHash(), now)) {
				return Optional.<Long>empty();
			}
			var pending = confirmation.get();
			Subscriber subscriber = store.findById(pending.subscriberId()).orElseThrow();
			Action action = subscriber.confirmed() ? Action.TOPICS_CHANGED
					: subscriber.confirmedAt() != null ? Action.RESUBSCRIBED : Action.CONFIRMED;
			store.markConfirmed(subscriber.id(), pending.topics(), now);
			store.record(new ConsentRecord(subscriber.id(), now, action, pending.topics(), pending.consentVersion(),
					Method.CONFIRMATION_LINK));
			return Optional.of(subscriber.id());
		});
	}

	/**
	 * Forgets every sign-up never confirmed whose links expired more than a week ago; returns how many. A pending
	 * sign-up has no consent to keep, only an address someone typed, possibly not their own.
	 */
	public int forgetUnconfirmed() {
		return store.deleteUnconfirmed(clock.instant().minus(UNCONFIRMED_GRACE));
	}

	public Optional<Subscriber> find(long subscriberId) {
		return store.findById(subscriberId);
	}

	/**
	 * Sets the topics of a confirmed subscriber. False for a sign-up never confirmed and for someone who left:
	 * only a confirmation e-mail can bring either in (coming back is a new sign-up).
	 */
	public boolean changeTopics(long subscriberId, Set<Topic> topics, String consentVersion) {
		Instant now = clock.instant();
		return Boolean.TRUE.equals(transactions.execute(status -> {
			Subscriber subscriber = store.findById(subscriberId).orElse(null);
			if (subscriber == null || !subscriber.confirmed()) {
				return false;
			}
			Action action = Action.TOPICS_CHANGED;
			store.markConfirmed(subscriberId, topics, now);
			store.record(new ConsentRecord(subscriberId, now, action, topics, consentVersion, Method.PREFERENCES_PAGE));
			return true;
		}));
	}

	/**
	 * Unsubscribes at once: nothing more is sent, queued issues are cancelled, open confirmation links stop
	 * working. Unsubscribing twice changes nothing and records nothing more. False for an unknown subscriber.
	 */
	public boolean unsubscribe(long subscriberId, Method method) {
		Instant now = clock.instant();
		return Boolean.TRUE.equals(transactions.execute(status -> {
			Subscriber subscriber = store.findById(subscriberId).orElse(null);
			if (subscriber == null) {
				return false;
			}
			if (subscriber.status() != Subscriber.Status.UNSUBSCRIBED) {
				store.markUnsubscribed(subscriberId, now);
				store.useAllConfirmations(subscriberId, now);
				deliveries.cancelQueued(subscriberId, now);
				store.record(new ConsentRecord(subscriberId, now, Action.UNSUBSCRIBED, subscriber.topics(),
						CURRENT_CONSENT_VERSION, method));
			}
			return true;
		}));
	}

}
