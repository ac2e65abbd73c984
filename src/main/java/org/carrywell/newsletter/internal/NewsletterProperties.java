package org.carrywell.newsletter.internal;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything about the newsletter an operator may set ({@code carrywell.newsletter.*}); every limit has a
 * default that suits a small self-hosted site.
 *
 * @param baseUrl the public address of the site, used for the links in e-mails (sent from a background worker
 * that has no request to read it from)
 * @param from the sender of every e-mail
 * @param confirmationValidity how long a confirmation link works
 * @param linkKey the key that signs preference and unsubscribe links; generated and stored in the database
 * when not set
 * @param signupLimits how many sign-ups a client address and an e-mail address may make
 * @param delivery how the send queue is worked
 * @param editor who may compose and send issues; without a password the editor pages are off
 */
@ConfigurationProperties("carrywell.newsletter")
public record NewsletterProperties(@DefaultValue("http://localhost:8080") URI baseUrl,
		@DefaultValue("Carrywell <newsletter@localhost>") String from,
		@DefaultValue("48h") Duration confirmationValidity, @Nullable String linkKey,
		@DefaultValue SignupLimits signupLimits, @DefaultValue Delivery delivery, @DefaultValue Editor editor) {

	/**
	 * @param perClient sign-ups one client network (its IPv4 /24 or IPv6 /64) may make per period
	 * @param perAddress confirmation e-mails one e-mail address may be sent per address period, whoever asks
	 * @param period the window the per-client limit refills over
	 * @param addressPeriod the window the per-address limit refills over: a day, so that nobody can fill a
	 * stranger's inbox with confirmations
	 */
	public record SignupLimits(@DefaultValue("10") int perClient, @DefaultValue("3") int perAddress,
			@DefaultValue("1h") Duration period, @DefaultValue("24h") Duration addressPeriod) {
	}

	/**
	 * @param enabled whether the background worker runs (tests drive it by hand)
	 * @param interval pause between two batches
	 * @param batchSize deliveries taken from the queue per batch
	 * @param perMinute the most e-mails sent in any minute (a token bucket; SMTP providers throttle senders)
	 * @param maxAttempts attempts before a delivery is recorded as failed
	 * @param firstRetryAfter the wait after the first failure; it doubles with every further failure
	 * @param inDoubtAfter a delivery claimed this long ago and never finished was interrupted (the process
	 * died between sending and recording); it is set aside rather than sent a second time
	 */
	public record Delivery(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration interval,
			@DefaultValue("50") int batchSize, @DefaultValue("120") int perMinute, @DefaultValue("5") int maxAttempts,
			@DefaultValue("1m") Duration firstRetryAfter, @DefaultValue("10m") Duration inDoubtAfter) {
	}

	/**
	 * @param username the editor's user name
	 * @param password the editor's password, plain or as a Spring Security {@code {argon2}} hash
	 * @param loginAttempts failed or successful login posts one client address may make per period
	 * @param loginPeriod the window of the login limit
	 */
	public record Editor(@DefaultValue("editor") String username, @Nullable String password,
			@DefaultValue("10") int loginAttempts, @DefaultValue("15m") Duration loginPeriod) {

		public boolean enabled() {
			return password != null && !password.isBlank();
		}

	}

}
