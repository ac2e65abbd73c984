package org.carrywell.accounts.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationListener;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import org.carrywell.accounts.CurrentMember;
import org.carrywell.accounts.MemberActivity;
import org.carrywell.accounts.MemberAddresses;
import org.carrywell.accounts.MemberData;
import org.carrywell.accounts.MemberProfiles;
import org.carrywell.accounts.SignedInMember;
import org.carrywell.system.MailTransport;
import org.carrywell.system.RateLimits;

/** Wires the accounts module: stores, password rules, mail, limits, the member directory and passkey storage. */
@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AccountsConfiguration.class);

	@Bean
	MemberStore memberStore(JdbcClient jdbc) {
		return new MemberStore(jdbc);
	}

	@Bean
	PasskeyStore passkeyStore(JdbcClient jdbc) {
		return new PasskeyStore(jdbc);
	}

	@Bean
	Accounts accounts(MemberStore members, PasskeyStore passkeys, JdbcClient jdbc, MailTransport transport,
			@Qualifier("applicationTaskExecutor") Executor executor, MessageSource messages,
			@Value("${carrywell.base-url}") URI baseUrl,
			@Value("${carrywell.accounts.from:${CARRYWELL_MAIL_FROM:Carrywell <accounts@localhost>}}") String from,
			@Value("${carrywell.accounts.sign-in.per-address:10}") int perAddress,
			@Value("${carrywell.accounts.sign-in.per-network:50}") int perNetwork,
			@Value("${carrywell.accounts.sign-in.period:15m}") Duration period,
			@Value("${carrywell.accounts.mail.per-inbox:5}") int mailsPerInbox,
			@Value("${carrywell.accounts.mail.per-network:30}") int mailsPerNetwork, TransactionTemplate transactions,
			List<MemberData> otherData, RateLimits limits, Clock clock) {
		return new Accounts(members, passkeys, new AccountTokens(jdbc), Passwords.withCommonList(),
				new AccountMail(transport, executor, messages, baseUrl, from), new ActivityLog(jdbc),
				new SignInLimits(limits, perAddress, perNetwork, period, mailsPerInbox, mailsPerNetwork), jdbc, transactions,
				otherData, executor, clock);
	}

	/**
	 * Who is signed in: a member is an authentication holding {@link MemberAuthentication#MEMBER_AUTHORITY}, named
	 * by her address. Read once per request (a plan page asks several times) and kept in the request.
	 */
	@Bean
	CurrentMember currentMember(Accounts accounts) {
		return () -> {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (!MemberAuthentication.isMember(authentication)) {
				return Optional.empty();
			}
			RequestAttributes request = RequestContextHolder.getRequestAttributes();
			String key = CURRENT_MEMBER + authentication.getName();
			if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof SignedInMember known) {
				return Optional.of(known);
			}
			Optional<SignedInMember> member = accounts.memberByEmail(authentication.getName())
				.filter(Member::verified)
				.map(found -> new SignedInMember(found.id(), found.email(), accounts.profile(found.id()),
						accounts.check(found.id())));
			if (request != null && member.isPresent()) {
				request.setAttribute(key, member.get(), RequestAttributes.SCOPE_REQUEST);
			}
			return member;
		};
	}

	private static final String CURRENT_MEMBER = AccountsConfiguration.class.getName() + ".member.";

	@Bean
	PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
		return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
	}

	/**
	 * Passkeys in the database; adding or removing one (here, or through Spring Security's own endpoint) is written
	 * into her activity log with the name she gave it.
	 */
	@Bean
	UserCredentialRepository passkeys(JdbcOperations jdbc, MemberStore members, Accounts accounts) {
		var stored = new JdbcUserCredentialRepository(jdbc);
		var users = new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
		return new UserCredentialRepository() {

			@Override
			public void save(CredentialRecord record) {
				boolean added = stored.findByCredentialId(record.getCredentialId()) == null;
				stored.save(record);
				if (added) {
					var user = users.findById(record.getUserEntityUserId());
					if (user != null) {
						members.byEmail(user.getName())
							.ifPresent(member -> accounts.record(member.id(), ActivityLog.Kind.PASSKEY_ADDED,
									record.getLabel()));
					}
				}
			}

			@Override
			public void delete(Bytes credentialId) {
				CredentialRecord record = stored.findByCredentialId(credentialId);
				stored.delete(credentialId);
				if (record != null) {
					var user = users.findById(record.getUserEntityUserId());
					if (user != null) {
						members.byEmail(user.getName())
							.ifPresent(member -> accounts.record(member.id(), ActivityLog.Kind.PASSKEY_REMOVED,
									record.getLabel()));
					}
				}
			}

			@Override
			public CredentialRecord findByCredentialId(Bytes credentialId) {
				return stored.findByCredentialId(credentialId);
			}

			@Override
			public List<CredentialRecord> findByUserId(Bytes userId) {
				return stored.findByUserId(userId);
			}

		};
	}

	/**
	 * Every member sign-in, by password or passkey, goes into her activity log, and is counted for the operator by
	 * method (the count says nothing of who).
	 */
	@Bean
	ApplicationListener<AuthenticationSuccessEvent> signInLog(MemberStore members, Accounts accounts,
			MeterRegistry meters) {
		// Shown from the start (at zero), so that a dashboard draws a line for each.
		meters.counter(SIGN_INS, "result", "success", "method", "password");
		meters.counter(SIGN_INS, "result", "success", "method", "passkey");
		return event -> {
			Authentication authentication = event.getAuthentication();
			if (!MemberAuthentication.isMember(authentication)) {
				return;
			}
			boolean passkey = authentication instanceof WebAuthnAuthentication;
			meters.counter(SIGN_INS, "result", "success", "method", passkey ? "passkey" : "password").increment();
			var kind = passkey ? ActivityLog.Kind.SIGNED_IN_PASSKEY : ActivityLog.Kind.SIGNED_IN_PASSWORD;
			members.byEmail(authentication.getName()).ifPresent(found -> accounts.record(found.id(), kind, ""));
		};
	}

	/** Refused sign-in attempts (members' and the editor's alike), counted: a rise is a guessing attack. */
	@Bean
	ApplicationListener<AbstractAuthenticationFailureEvent> refusedSignIns(MeterRegistry meters) {
		meters.counter(SIGN_INS, "result", "refused", "method", "any");
		return event -> meters.counter(SIGN_INS, "result", "refused", "method", "any").increment();
	}

	/** The operator's metric of sign-ins, tagged by result and method. */
	static final String SIGN_INS = "carrywell.sign.ins";

	/** Lets the sessions module note an import in her log without reaching into this module. */
	@Bean
	MemberActivity memberActivity(Accounts accounts) {
		return new MemberActivity() {

			@Override
			public void resultsImported(UUID member, int count) {
				accounts.record(member, ActivityLog.Kind.RESULTS_IMPORTED, String.valueOf(count));
			}

			@Override
			public void sharing(UUID member, Sharing event, String detail) {
				accounts.record(member, ActivityLog.Kind.valueOf(event.name()), detail);
			}

		};
	}

	/** A member as the journeys see her, for pages she is not signed in on (a link she gave, her calendar). */
	@Bean
	MemberProfiles memberProfiles(Accounts accounts) {
		return member -> accounts.member(member)
			.filter(Member::verified)
			.map(found -> new SignedInMember(found.id(), found.email(), accounts.profile(found.id()),
					accounts.check(found.id())));
	}

	@Bean
	MemberAddresses memberAddresses(MemberStore members) {
		return member -> members.byId(member).filter(Member::verified).map(Member::email);
	}

	@Bean
	PasskeyChallenges passkeyChallenges(JdbcClient jdbc,
			@Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies, Clock clock) {
		return new PasskeyChallenges(jdbc, secureCookies, clock);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "carrywell.accounts.housekeeping.enabled", matchIfMissing = true)
	Housekeeping accountHousekeeping(Accounts accounts, PasskeyChallenges challenges) {
		return new Housekeeping(accounts, challenges);
	}

	/**
	 * Hourly: forgets used and expired links, passkey challenges never answered, and accounts whose address was
	 * never verified within a week.
	 */
	static class Housekeeping {

		private final Accounts accounts;

		private final PasskeyChallenges challenges;

		Housekeeping(Accounts accounts, PasskeyChallenges challenges) {
			this.accounts = accounts;
			this.challenges = challenges;
		}

		// Hourly on one node of all (not final: the lock is a proxy).
		@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
		@SchedulerLock(name = "accounts-forget-stale", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
		void forgetStale() {
			int forgotten = accounts.forgetStale() + challenges.forgetExpired();
			if (forgotten > 0) {
				log.info("Forgot {} used or expired account links and unverified accounts", forgotten);
			}
		}

	}

}
