package org.carrywell.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import org.carrywell.accounts.Clearance;
import org.carrywell.accounts.MemberData;
import org.carrywell.accounts.Profile;
import org.carrywell.safety.ScreeningOutcome;
import org.carrywell.safety.ScreeningQuestion;

/**
 * Everything a member does with her account: register, verify, sign in, reset, keep her profile and check,
 * export and erase. Anonymous actions (register, ask for a reset) return nothing that differs between an address
 * with an account and one without; what differs goes into the e-mail, which only the inbox's owner reads.
 */
public class Accounts {

	public static final Duration VERIFY_VALIDITY = Duration.ofHours(24);

	public static final Duration RESET_VALIDITY = Duration.ofMinutes(30);

	/** An address never verified is forgotten after this: nobody can use the account, so nothing is kept. */
	public static final Duration UNVERIFIED_KEPT = Duration.ofDays(7);

	/** How a password sign-in ended. */
	public sealed interface SignIn {

		record Success(Member member) implements SignIn {
		}

		/** Wrong address or password: the same answer for both. */
		record Refused() implements SignIn {
		}

		record Locked(Duration retryAfter) implements SignIn {
		}

	}

	private final MemberStore members;

	private final PasskeyStore passkeys;

	private final AccountTokens tokens;

	private final Passwords passwords;

	private final AccountMail mail;

	private final ActivityLog activity;

	private final SignInLimits limits;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final List<MemberData> otherData;

	/** Runs what an anonymous request causes after answering it (see {@link #register}). */
	private final Executor background;

	private final Clock clock;

	public Accounts(MemberStore members, PasskeyStore passkeys, AccountTokens tokens, Passwords passwords, AccountMail mail,
			ActivityLog activity, SignInLimits limits, JdbcClient jdbc, TransactionTemplate transactions,
			List<MemberData> otherData, Executor background, Clock clock) {
		this.members = members;
		this.passkeys = passkeys;
		this.tokens = tokens;
		this.passwords = passwords;
		this.mail = mail;
		this.activity = activity;
		this.limits = limits;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.otherData = List.copyOf(otherData);
		this.background = background;
		this.clock = clock;
	}

	/** One look at a link's token from this network; empty when it may go ahead, else how long to wait. */
	public Optional<Duration> linkCheck(String network) {
		return limits.linkCheck(network);
	}

	public Passwords passwords() {
		return passwords;
	}

	public Optional<Member> member(UUID id) {
		return members.byId(id);
	}

	public Optional<Member> memberByEmail(String email) {
		return members.byEmail(email);
	}

	/**
	 * Registers an address, or answers an address that has one: an existing member is told by e-mail that someone
	 * tried (and how to sign in or reset); otherwise a link is sent that carries this registration's password and
	 * opens only with it, so that whoever registers an address next cannot take over her link.
	 * <p>
	 * Only the limit per network and the password hash run while she waits; the lookup, the rows and the e-mail
	 * happen in the background, so the answer takes as long whether or not the address has an account.
	 *
	 * @return how long to wait when this network registered too often (then nothing is done), else empty
	 */
	public Optional<Duration> register(String email, String password, String network, Locale locale) {
		Optional<Duration> wait = limits.registration(network);
		if (wait.isPresent()) {
			return wait;
		}
		String hash = passwords.hash(password);
		Instant now = clock.instant();
		background.execute(() -> {
			if (!limits.mayMail(email, network)) {
				return;
			}
			transactions.executeWithoutResult(status -> {
				Optional<Member> existing = members.byEmail(email);
				if (existing.isPresent() && existing.get().verified()) {
					mail.send(AccountMail.Kind.ALREADY_REGISTERED, email, "/account/sign-in", locale);
					return;
				}
				UUID id = existing.map(Member::id).orElseGet(UUID::randomUUID);
				if (existing.isEmpty()) {
					members.insert(new Member(id, email, hash, now, null, now));
					activity.record(id, ActivityLog.Kind.REGISTERED, "", now);
				}
				String token = tokens.issueVerification(id, hash, VERIFY_VALIDITY, now);
				mail.send(AccountMail.Kind.VERIFY, email, "/account/verify/" + token, locale);
			});
		});
		return Optional.empty();
	}

	/** How a verification ended. */
	public enum Verification {

		VERIFIED, WRONG_PASSWORD, LINK_EXPIRED, LOCKED

	}

	/** A verification's end, and how long to wait when it was LOCKED. */
	public record VerifyOutcome(Verification kind, Duration retryAfter) {

		static VerifyOutcome of(Verification kind) {
			return new VerifyOutcome(kind, Duration.ZERO);
		}

	}

	/**
	 * Uses a verification link with the password of the registration that sent it: the address is verified and
	 * that password becomes the account's. Other links to the address stop working.
	 */
	public VerifyOutcome verify(String token, String password, String network) {
		Instant now = clock.instant();
		Optional<AccountTokens.Stored> stored = tokens.find(token, AccountTokens.Purpose.VERIFY, now);
		if (stored.isEmpty() || stored.get().passwordHash() == null) {
			return VerifyOutcome.of(Verification.LINK_EXPIRED);
		}
		Optional<Member> member = members.byId(stored.get().member());
		if (member.isEmpty()) {
			return VerifyOutcome.of(Verification.LINK_EXPIRED);
		}
		Optional<Duration> wait = limits.passwordCheck(member.get().email(), network);
		if (wait.isPresent()) {
			return new VerifyOutcome(Verification.LOCKED, wait.get());
		}
		if (!passwords.matches(password, Optional.of(stored.get().passwordHash()))) {
			return VerifyOutcome.of(Verification.WRONG_PASSWORD);
		}
		Boolean verified = transactions.execute(status -> {
			if (!tokens.claim(token, now)) {
				return false;
			}
			UUID id = member.get().id();
			members.changePassword(id, stored.get().passwordHash(), now);
			members.markVerified(id, now);
			tokens.revokeAll(id, AccountTokens.Purpose.VERIFY);
			activity.record(id, ActivityLog.Kind.VERIFIED, "", now);
			return true;
		});
		return VerifyOutcome.of(Boolean.TRUE.equals(verified) ? Verification.VERIFIED : Verification.LINK_EXPIRED);
	}

	/**
	 * Sends a reset link to a member's address (or, for an address with none, an e-mail that says so). Everything
	 * after the limit runs in the background, for the same reason as {@link #register}.
	 */
	public void requestReset(String email, String network, Locale locale) {
		Instant now = clock.instant();
		background.execute(() -> {
			if (!limits.mayMail(email, network)) {
				return;
			}
			Optional<Member> member = members.byEmail(email);
			if (member.isEmpty()) {
				mail.send(AccountMail.Kind.RESET_NO_ACCOUNT, email, "/account/register", locale);
				return;
			}
			String token = transactions.execute(status -> tokens.issueReset(member.get().id(), RESET_VALIDITY, now));
			mail.send(AccountMail.Kind.RESET, email, "/account/reset/" + token, locale);
		});
	}

	public boolean resetLinkValid(String token) {
		return tokens.valid(token, AccountTokens.Purpose.RESET, clock.instant());
	}

	/**
	 * Sets a new password through a reset link. The link proves she holds the inbox, so the address counts as
	 * verified. The caller ends every session of hers (a reset is what she does when someone else may be in).
	 */
	public Optional<Member> resetPassword(String token, String newPassword) {
		String hash = passwords.hash(newPassword);
		Instant now = clock.instant();
		return transactions.execute(status -> tokens.use(token, AccountTokens.Purpose.RESET, now).flatMap(id -> {
			members.changePassword(id, hash, now);
			members.markVerified(id, now);
			tokens.revokeAll(id, AccountTokens.Purpose.VERIFY);
			activity.record(id, ActivityLog.Kind.PASSWORD_RESET, "", now);
			return members.byId(id);
		}));
	}

	/**
	 * Checks an address and password, within the limits per address and per network. An address not yet verified
	 * is refused like a wrong password: anything else would tell whether someone registered it.
	 */
	public SignIn signIn(String email, String password, String network, Locale locale) {
		Optional<Duration> wait = limits.passwordCheck(email, network);
		if (wait.isPresent()) {
			if (limits.addressLocked(email)) {
				recordLockOnce(email);
			}
			return new SignIn.Locked(wait.get());
		}
		Optional<Member> member = email.isEmpty() ? Optional.empty() : members.byEmail(email);
		if (!passwords.matches(password, member.map(Member::passwordHash)) || !member.get().verified()) {
			return new SignIn.Refused();
		}
		Member found = member.get();
		if (passwords.needsRehash(found.passwordHash())) {
			members.changePassword(found.id(), passwords.hash(password), found.passwordChangedAt());
		}
		return new SignIn.Success(found);
	}

	/** A lock-out goes into her log once per lock-out, however many attempts it refuses. */
	private void recordLockOnce(String email) {
		members.byEmail(email).ifPresent(found -> {
			Instant now = clock.instant();
			boolean recorded = jdbc.sql("""
					SELECT COUNT(*) FROM member_activity WHERE member_id = ? AND kind = 'SIGN_IN_LOCKED'
					AND occurred_at > ?""")
				.params(found.id(), MemberStore.utc(now.minus(limits.period())))
				.query(Integer.class)
				.single() > 0;
			if (!recorded) {
				activity.record(found.id(), ActivityLog.Kind.SIGN_IN_LOCKED, "", now);
			}
		});
	}

	/** Re-authentication before something that cannot be undone (erasing), within the same limits. */
	public SignIn confirmPassword(Member member, String password, String network) {
		Optional<Duration> wait = limits.passwordCheck(member.email(), network);
		if (wait.isPresent()) {
			return new SignIn.Locked(wait.get());
		}
		return passwords.matches(password, Optional.of(member.passwordHash())) ? new SignIn.Success(member)
				: new SignIn.Refused();
	}

	public void changePassword(Member member, String newPassword) {
		Instant now = clock.instant();
		members.changePassword(member.id(), passwords.hash(newPassword), now);
		activity.record(member.id(), ActivityLog.Kind.PASSWORD_CHANGED, "", now);
	}

	public void record(UUID member, ActivityLog.Kind kind, String detail) {
		activity.record(member, kind, detail, clock.instant());
	}

	public List<ActivityLog.Entry> activity(UUID member) {
		return activity.recent(member);
	}

	public Profile profile(UUID member) {
		return members.profile(member);
	}

	/**
	 * Saves her profile. A provider's clearance was given for her pregnancy as it was: a different due date removes
	 * it, and the reminder before each session comes back until she records a new one.
	 */
	public void saveProfile(UUID member, Profile profile) {
		Instant now = clock.instant();
		transactions.executeWithoutResult(status -> {
			java.time.LocalDate dueDateBefore = members.profile(member).dueDate();
			members.saveProfile(member, profile, now);
			activity.record(member, ActivityLog.Kind.PROFILE_SAVED, "", now);
			boolean cleared = members.check(member).map(check -> check.clearance() != null).orElse(false);
			if (cleared && !java.util.Objects.equals(dueDateBefore, profile.dueDate())) {
				members.removeClearance(member);
				activity.record(member, ActivityLog.Kind.CLEARANCE_REMOVED, "", now);
			}
		});
	}

	public Optional<org.carrywell.accounts.CheckRecord> check(UUID member) {
		return members.check(member);
	}

	public void saveCheck(UUID member, Map<ScreeningQuestion, Boolean> answers, ScreeningOutcome outcome) {
		Instant now = clock.instant();
		transactions.executeWithoutResult(status -> {
			members.saveCheck(member, answers, LocalDate.now(clock), outcome);
			activity.record(member, ActivityLog.Kind.CHECK_SAVED, "", now);
		});
	}

	/** Records her provider's clearance, with her check's outcome today (which the caller found asks for one). */
	public boolean recordClearance(UUID member, Clearance clearance, ScreeningOutcome outcomeToday) {
		Instant now = clock.instant();
		return Boolean.TRUE.equals(transactions.execute(status -> {
			boolean saved = members.saveClearance(member, clearance, outcomeToday, now);
			if (saved) {
				activity.record(member, ActivityLog.Kind.CLEARANCE_RECORDED, clearance.clearedBy(), now);
			}
			return saved;
		}));
	}

	public void removeClearance(UUID member) {
		Instant now = clock.instant();
		transactions.executeWithoutResult(status -> {
			members.removeClearance(member);
			activity.record(member, ActivityLog.Kind.CLEARANCE_REMOVED, "", now);
		});
	}

	/** Every table about her, by name, for the export. Password and link hashes are left out: they only protect. */
	public Map<String, List<Map<String, Object>>> export(Member member) {
		UUID id = member.id();
		var tables = new LinkedHashMap<String, List<Map<String, Object>>>();
		tables.put("account", members.rows("SELECT id, email, created_at, verified_at, password_changed_at "
				+ "FROM member WHERE id = ?", id));
		tables.put("profile", members.rows("SELECT due_date, conditions, prior_activity, equipment, floor_ok, pain, "
				+ "minutes, sessions_per_week, updated_at FROM member_profile WHERE member_id = ?", id));
		tables.put("check", members.rows("SELECT answers, checked_on, outcome, cleared_on, cleared_by, "
				+ "clearance_recorded_at FROM member_check WHERE member_id = ?", id));
		tables.put("passkeys", passkeys.exportRows(members, id));
		tables.put("activity", members.rows("SELECT occurred_at, kind, detail FROM member_activity "
				+ "WHERE member_id = ? ORDER BY occurred_at, id", id));
		for (MemberData data : otherData) {
			tables.put(data.name(), data.rowsOf(id));
		}
		activity.record(id, ActivityLog.Kind.EXPORTED, "", clock.instant());
		return tables;
	}

	/**
	 * Hard-deletes every row about her: her passkeys (kept in Spring Security's tables, by her address), then the
	 * member row, whose deletion cascades to every other table. The caller ends her sessions.
	 */
	public void erase(Member member) {
		transactions.executeWithoutResult(status -> {
			passkeys.deleteAll(member.email());
			members.delete(member.id());
		});
	}

	/** Housekeeping: used and expired links, and accounts nobody ever verified. */
	public int forgetStale() {
		Instant now = clock.instant();
		return tokens.deleteExpired(now) + members.deleteUnverifiedBefore(now.minus(UNVERIFIED_KEPT));
	}

}
