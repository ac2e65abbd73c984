package org.carrywell.accounts.internal;

import java.time.Duration;
import java.util.Optional;

import org.carrywell.system.EmailAddresses;
import org.carrywell.system.RateLimiter;
import org.carrywell.system.RateLimits;

/**
 * Throttling on every check of a password or a token: per address (whether or not it has an account, so that a
 * lock-out says nothing about who is a member) and per client network (an IPv4 /24 or IPv6 /64). Mail that an
 * anonymous form can cause (registration, reset) has its own, daily limit per inbox.
 */
public class SignInLimits {

	private final RateLimiter perAddress;

	private final RateLimiter perNetwork;

	private final RateLimiter linksPerNetwork;

	private final RateLimiter mailPerInbox;

	private final RateLimiter mailPerNetwork;

	private final RateLimiter registrationsPerNetwork;

	private final Duration period;

	public SignInLimits(RateLimits limits, int perAddress, int perNetwork, Duration period, int mailsPerInbox,
			int mailsPerNetwork) {
		this.period = period;
		this.registrationsPerNetwork = limits.limiter("accounts-registrations-per-network", mailsPerNetwork,
				Duration.ofHours(1));
		this.perAddress = limits.limiter("accounts-passwords-per-address", perAddress, period);
		this.perNetwork = limits.limiter("accounts-passwords-per-network", perNetwork, period);
		this.linksPerNetwork = limits.limiter("accounts-links-per-network", perNetwork, period);
		this.mailPerInbox = limits.limiter("accounts-mail-per-inbox", mailsPerInbox, Duration.ofDays(1));
		this.mailPerNetwork = limits.limiter("accounts-mail-per-network", mailsPerNetwork, Duration.ofHours(1));
	}

	/** Takes one attempt for a password check; empty when it may go ahead, else how long to wait. */
	public Optional<Duration> passwordCheck(String address, String network) {
		if (!perNetwork.tryAcquire(network)) {
			return Optional.of(perNetwork.retryAfter(network));
		}
		String key = addressKey(address);
		if (!perAddress.tryAcquire(key)) {
			return Optional.of(perAddress.retryAfter(key));
		}
		return Optional.empty();
	}

	/** Whether this address (not merely its network) is locked out now. */
	public boolean addressLocked(String address) {
		return !perAddress.retryAfter(addressKey(address)).isZero();
	}

	/**
	 * Registering hashes a password, so it is limited per network before anything else happens; empty when it may
	 * go ahead, else how long to wait.
	 */
	public Optional<Duration> registration(String network) {
		return registrationsPerNetwork.tryAcquire(network) ? Optional.empty()
				: Optional.of(registrationsPerNetwork.retryAfter(network));
	}

	public Duration period() {
		return period;
	}

	private static String addressKey(String address) {
		// An address that cannot be read shares one bucket: it names nobody, and it is still counted.
		return address.isEmpty() ? "address:" : "address:" + EmailAddresses.mailbox(address);
	}

	/**
	 * Takes one attempt for a link's token (verify, reset), valid or not; empty when it may go ahead, else how long
	 * to wait. A token names no account before it is found, so the limit is per network: guessing a 256-bit token
	 * is hopeless anyway, and this keeps it from even being tried at speed.
	 */
	public Optional<Duration> linkCheck(String network) {
		return linksPerNetwork.tryAcquire(network) ? Optional.empty()
				: Optional.of(linksPerNetwork.retryAfter(network));
	}

	/** Whether an e-mail may go to this inbox now, asked from this network. */
	public boolean mayMail(String address, String network) {
		return !address.isEmpty() && mailPerNetwork.tryAcquire(network)
				&& mailPerInbox.tryAcquire(EmailAddresses.mailbox(address));
	}

}
