package org.carrywell.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.zip.ZipInputStream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.carrywell.accounts.Inbox.Member;
import org.carrywell.newsletter.Mails;

/**
 * Accounts over a real port, as a browser uses them, with mail through a real SMTP server (GreenMail): register,
 * verify from the e-mail, sign in and out, reset, profile, check and clearance, the members' API, import, export
 * and erase. Run on H2 and on PostgreSQL.
 */
abstract class AccountJourneyContract {

	static final String PASSWORD = "a walk by the river in spring";

	/** The reminder before a session while the check asks her to talk to her provider (session.before.clearance). */
	static final String CLEARANCE_REMINDER = "Talk to your midwife or doctor before you start";

	/** The start of the reminder in a plan's calendar events (plan.week.clearance). */
	static final String PLAN_CLEARANCE_NOTE = "Talk to your provider before you start";

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		Inbox.mailServer(registry, smtp);
		registry.add("carrywell.base-url", () -> "https://carrywell.example");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emptyInbox() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
	}

	@Test
	void registerVerifyFromTheEmailSignInAndOut() throws Exception {
		String email = unique("ada");
		var visitor = new Visitor(port);
		visitor.get("/account/register");
		var registered = visitor.post("/account/register", "email", "  " + email.toUpperCase() + " ", "password",
				PASSWORD);
		assertThat(registered.statusCode()).isEqualTo(302);
		assertThat(location(registered)).isEqualTo("/account/check-inbox?for=register");

		MimeMessage mail = mailTo(email);
		assertThat(mail.getSubject()).contains("Confirm your address");
		String link = link(mail, "/account/verify/");
		assertThat(visitor.signIn(email, PASSWORD).statusCode()).as("unverified: refused like a wrong password")
			.isEqualTo(400);

		var page = visitor.get(link);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Confirm my address");
		assertThat(visitor.post(link, "password", "not what I registered with").statusCode()).isEqualTo(400);
		var verified = visitor.post(link, "password", PASSWORD);
		assertThat(location(verified)).isEqualTo("/account/sign-in?verified");
		assertThat(visitor.post(link, "password", PASSWORD).statusCode()).as("single use").isEqualTo(410);

		assertThat(visitor.cookie("SESSION")).isEmpty();
		var signedIn = visitor.signIn(email, PASSWORD);
		assertThat(location(signedIn)).isEqualTo("/account");
		String firstSession = visitor.cookie("SESSION").orElseThrow();
		var account = visitor.get("/account");
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).contains(email);

		var again = visitor.signIn(email, PASSWORD);
		assertThat(location(again)).isEqualTo("/account");
		assertThat(visitor.cookie("SESSION")).as("the session id changes at sign-in").isNotEqualTo(firstSession);

		visitor.get("/account");
		var signedOut = visitor.post("/account/sign-out");
		assertThat(location(signedOut)).isEqualTo("/account/sign-in?signedOut");
		assertThat(location(visitor.get("/account"))).startsWith("/account/sign-in?continue=");
		assertThat(activity(email)).contains("REGISTERED", "VERIFIED", "SIGNED_IN_PASSWORD");
	}

	@Test
	void theAnswersAreTheSameWhetherOrNotAnAddressHasAnAccount() throws Exception {
		String member = signedUpMember().email();
		String stranger = unique("nobody");
		var visitor = new Visitor(port);

		visitor.get("/account/register");
		var existing = visitor.post("/account/register", "email", member, "password", PASSWORD);
		visitor.get("/account/register");
		var fresh = visitor.post("/account/register", "email", stranger, "password", PASSWORD);
		assertThat(existing.statusCode()).isEqualTo(fresh.statusCode()).isEqualTo(302);
		assertThat(location(existing)).isEqualTo(location(fresh));
		assertThat(mailTo(member).getSubject()).as("the member is told someone tried").contains("Someone tried");

		visitor.get("/account/forgot");
		var resetMember = visitor.post("/account/forgot", "email", member);
		visitor.get("/account/forgot");
		var resetStranger = visitor.post("/account/forgot", "email", unique("nobody-else"));
		assertThat(resetMember.statusCode()).isEqualTo(resetStranger.statusCode()).isEqualTo(302);
		assertThat(location(resetMember)).isEqualTo(location(resetStranger));

		var wrongForMember = visitor.signIn(member, "not the password at all");
		var wrongForStranger = visitor.signIn(unique("nobody-at-all"), "not the password at all");
		assertThat(wrongForMember.statusCode()).isEqualTo(wrongForStranger.statusCode()).isEqualTo(400);
		assertThat(Visitor.comparable(wrongForMember.body()).replace(member, "ADDRESS"))
			.isEqualTo(Visitor.comparable(wrongForStranger.body()).replaceAll("nobody-at-all[^\"<]*", "ADDRESS"));
	}

	@Test
	void whoeverRegistersAnAddressFirstOrLastCannotTakeItOver() throws Exception {
		String email = unique("victim");
		var attacker = new Visitor(port);
		attacker.get("/account/register");
		attacker.post("/account/register", "email", email, "password", "the attacker's own password");
		String attackersLink = link(mailTo(email), "/account/verify/");

		var victim = new Visitor(port);
		victim.get("/account/register");
		victim.post("/account/register", "email", email, "password", PASSWORD);
		String victimsLink = link(mailTo(email), "/account/verify/");
		attacker.get("/account/register");
		attacker.post("/account/register", "email", email, "password", "the attacker's own password");
		mailTo(email);

		victim.get(attackersLink);
		assertThat(victim.post(attackersLink, "password", PASSWORD).statusCode())
			.as("a link opens only with the password of the registration that sent it").isEqualTo(400);
		victim.get(victimsLink);
		assertThat(location(victim.post(victimsLink, "password", PASSWORD))).isEqualTo("/account/sign-in?verified");
		assertThat(new Visitor(port).signIn(email, "the attacker's own password").statusCode()).isEqualTo(400);
		assertThat(location(victim.signIn(email, PASSWORD))).isEqualTo("/account");
		attacker.get(attackersLink);
		assertThat(attacker.post(attackersLink, "password", "the attacker's own password").statusCode())
			.as("once verified, every other link stops working").isEqualTo(410);
	}

	@Test
	void aForgottenPasswordIsResetOnceAndEverySessionEnds() throws Exception {
		Member member = signedUpMember();
		var phone = new Visitor(port);
		assertThat(location(phone.signIn(member.email(), PASSWORD))).isEqualTo("/account");

		var laptop = new Visitor(port);
		laptop.get("/account/forgot");
		laptop.post("/account/forgot", "email", member.email());
		String link = link(mailTo(member.email()), "/account/reset/");
		assertThat(laptop.get(link).statusCode()).isEqualTo(200);
		var weak = laptop.post(link, "password", "password1234");
		assertThat(weak.statusCode()).isEqualTo(400);
		assertThat(weak.body()).contains("most common");
		var reset = laptop.post(link, "password", "a brand new river walk");
		assertThat(location(reset)).isEqualTo("/account/sign-in?reset");
		assertThat(laptop.get(link).statusCode()).as("single use").isEqualTo(410);

		assertThat(location(phone.get("/account"))).as("signed out everywhere").startsWith("/account/sign-in");
		assertThat(laptop.signIn(member.email(), PASSWORD).statusCode()).isEqualTo(400);
		assertThat(location(laptop.signIn(member.email(), "a brand new river walk"))).isEqualTo("/account");

		laptop.get("/account/forgot");
		laptop.post("/account/forgot", "email", member.email());
		String late = link(mailTo(member.email()), "/account/reset/");
		jdbc.sql("UPDATE member_token SET expires_at = created_at WHERE purpose = 'RESET'").update();
		assertThat(laptop.get(late).statusCode()).as("expired after 30 minutes").isEqualTo(410);
	}

	@Test
	void signOutOfAllDevicesEndsEverySession() {
		Member member = signedUpMember();
		var phone = member.visitor();
		var laptop = new Visitor(port);
		laptop.signIn(member.email(), PASSWORD);
		assertThat(sessionsOf(member.email())).isEqualTo(2);

		laptop.get("/account");
		assertThat(location(laptop.post("/account/sign-out-everywhere")))
			.isEqualTo("/account/sign-in?signedOutEverywhere");
		assertThat(location(phone.get("/account"))).startsWith("/account/sign-in");
		assertThat(sessionsOf(member.email())).isZero();
	}

	@Test
	void changingThePasswordAsksForTheCurrentOneAndSignsOutEveryOtherDevice() {
		Member member = signedUpMember();
		var laptop = member.visitor();
		var phone = new Visitor(port);
		phone.signIn(member.email(), PASSWORD);

		laptop.get("/account/password");
		var wrong = laptop.post("/account/password", "currentPassword", "not my password", "newPassword",
				"a second river walk at dusk");
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(wrong.body()).contains("That isn\u2019t your password");
		var weak = laptop.post("/account/password", "currentPassword", PASSWORD, "newPassword", "password1234");
		assertThat(weak.statusCode()).isEqualTo(400);
		assertThat(weak.body()).contains("most common");
		assertThat(location(laptop.post("/account/password", "currentPassword", PASSWORD, "newPassword",
				"a second river walk at dusk"))).isEqualTo("/account?saved=password");

		assertThat(laptop.get("/account").statusCode()).as("this device stays signed in").isEqualTo(200);
		assertThat(location(phone.get("/account"))).as("the other is signed out").startsWith("/account/sign-in");
		assertThat(new Visitor(port).signIn(member.email(), PASSWORD).statusCode()).isEqualTo(400);
		assertThat(location(new Visitor(port).signIn(member.email(), "a second river walk at dusk")))
			.isEqualTo("/account");
		assertThat(activity(member.email())).contains("PASSWORD_CHANGED");
	}

	@Test
	void theProfileRefusesBadInputFieldByFieldAndTheWeekComesFromTheDueDate() {
		Member member = signedUpMember();
		var visitor = member.visitor();
		visitor.get("/account/profile");
		var bad = visitor.post("/account/profile", "dueDate", "2019-01-01", "pain.LOWER_BACK", "12", "minutes", "99",
				"condition", "NOT_A_CONDITION");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("field__error").contains("aria-invalid=\"true\"");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM member_profile p JOIN member m ON p.member_id = m.id WHERE m.email = ?")
			.param(member.email()).query(Integer.class).single()).isZero();

		var saved = visitor.post("/account/profile", "dueDate", java.time.LocalDate.now().plusWeeks(16).toString(),
				"pain.LOWER_BACK", "5", "condition", "SCIATICA", "floor", "yes", "activity", "SOME", "minutes", "20",
				"sessions", "3", "equipment", "CHAIR");
		assertThat(location(saved)).isEqualTo("/account?saved=profile");
		var mine = visitor.get("/plan/mine");
		assertThat(location(mine)).startsWith("/check?dueDate=").contains("pain.LOWER_BACK=5").contains("condition=SCIATICA");

		var api = visitor.get("/api/v1/me/plan");
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(api.body()).contains("\"weeksPregnant\":24");
	}

	@Test
	void aKeptCheckAndAProviderClearanceStopTheReminderBeforeEachSession() {
		Member member = signedUpMember();
		var visitor = member.visitor();
		visitor.get("/account/profile");
		visitor.post("/account/profile", "dueDate", java.time.LocalDate.now().plusWeeks(16).toString(), "floor", "yes");
		visitor.get("/check");
		var kept = visitor.post("/account/check", answers("ANAEMIA"));
		assertThat(location(kept)).isEqualTo("/account/check");
		var check = visitor.get("/account/check");
		assertThat(check.body()).contains("talk to your midwife");

		String planAddress = location(visitor.get("/plan/mine"));
		assertThat(planAddress).startsWith("/plan/week?").contains("ANAEMIA=yes");
		String session = "/session?" + planAddress.substring(planAddress.indexOf('?') + 1) + "&day=1";
		assertThat(visitor.get(session).body()).contains(CLEARANCE_REMINDER);

		var future = visitor.post("/account/check/clearance", "clearedOn", "2999-01-01", "clearedBy", "");
		assertThat(future.statusCode()).isEqualTo(400);
		assertThat(future.body()).contains("still to come").contains("Say who cleared you");
		var cleared = visitor.post("/account/check/clearance", "clearedOn", java.time.LocalDate.now().toString(),
				"clearedBy", "Midwife Anna");
		assertThat(location(cleared)).isEqualTo("/account/check?cleared");
		assertThat(visitor.get("/account/check").body()).contains("Midwife Anna cleared you");
		assertThat(visitor.get(session).body()).doesNotContain(CLEARANCE_REMINDER);
		assertThat(visitor.get(planAddress).body()).contains("Midwife Anna cleared you to exercise");
		String calendar = visitor.get(planAddress.replace("/plan/week?", "/plan/calendar.ics?")).body();
		assertThat(calendar).contains("BEGIN:VEVENT").doesNotContain(PLAN_CLEARANCE_NOTE);
		assertThat(new Visitor(port).get(planAddress.replace("/plan/week?", "/plan/calendar.ics?")).body())
			.as("the same address, for someone not signed in").contains(PLAN_CLEARANCE_NOTE);

		visitor.get("/check");
		visitor.post("/account/check", answers("ANAEMIA", "HEAVY_SMOKER"));
		assertThat(visitor.get(session).body()).as("the clearance belongs to the answers it was given for")
			.contains(CLEARANCE_REMINDER);

		visitor.get("/check");
		visitor.post("/account/check", answers("ANAEMIA"));
		visitor.get("/account/check");
		visitor.post("/account/check/clearance", "clearedOn", java.time.LocalDate.now().toString(), "clearedBy", "Anna");
		assertThat(visitor.get(session).body()).doesNotContain(CLEARANCE_REMINDER);
		visitor.get("/account/profile");
		visitor.post("/account/profile", "dueDate", java.time.LocalDate.now().plusWeeks(15).toString(), "floor", "yes");
		assertThat(visitor.get("/account/check").body()).as("a new due date: the clearance was for the pregnancy as it was")
			.doesNotContain("Anna cleared you");

		jdbc.sql("UPDATE member_profile SET due_date = ? WHERE member_id = ?")
			.params(java.time.LocalDate.now().minusWeeks(3), member.id()).update();
		assertThat(location(visitor.get("/plan/mine"))).isEqualTo("/account/profile?outdated");
		assertThat(visitor.get("/account/profile?outdated").body()).contains("more than two weeks past");
	}

	@Test
	void theMembersApiNeedsHerSessionAndItsCsrfToken() {
		var anonymous = new Visitor(port);
		var refused = anonymous.get("/api/v1/me");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
			.startsWith("application/problem+json"));

		Member member = signedUpMember();
		var visitor = member.visitor();
		var me = visitor.get("/api/v1/me");
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.headers().firstValue("X-XSRF-TOKEN")).isPresent();
		String profile = "{\"dueDate\":\"" + java.time.LocalDate.now().plusWeeks(10) + "\",\"pain\":{\"PELVIS_FRONT\":3}}";
		assertThat(visitor.jsonWithoutCsrf("PUT", "/api/v1/me/profile", profile).statusCode()).isEqualTo(403);
		assertThat(visitor.json("PUT", "/api/v1/me/profile", profile).statusCode()).isEqualTo(200);
		var bad = visitor.json("PUT", "/api/v1/me/profile", "{\"dueDate\":\"2001-01-01\",\"pain\":{\"LOWER_BACK\":14}}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("dueDate").contains("pain.LOWER_BACK");
		var unknownArea = visitor.json("PUT", "/api/v1/me/profile", "{\"dueDate\":\"" + java.time.LocalDate.now()
			.plusWeeks(10) + "\",\"pain\":{\"KNEE\":4}}");
		assertThat(unknownArea.statusCode()).isEqualTo(400);
		assertThat(unknownArea.body()).contains("pain.KNEE");
		var check = visitor.json("PUT", "/api/v1/me/check", "{\"answers\":{\"ANAEMIA\":\"yes\"}}");
		assertThat(check.statusCode()).isEqualTo(200);
		assertThat(check.body()).contains("CLEARANCE_NEEDED");
		assertThat(visitor.json("PUT", "/api/v1/me/check", "{\"answers\":{\"NOT_A_QUESTION\":\"yes\"}}").statusCode())
			.isEqualTo(400);
		var export = visitor.get("/api/v1/me/export");
		assertThat(export.body()).contains("carrywell-export/1").contains("PELVIS_FRONT=3");

		assertThat(visitor.json("DELETE", "/api/v1/me", "{\"password\":\"not it\"}").statusCode()).isEqualTo(400);
		assertThat(visitor.json("DELETE", "/api/v1/me", "{\"password\":\"" + PASSWORD + "\"}").statusCode())
			.isEqualTo(204);
		assertThat(rowsAbout(member.id(), member.email())).isZero();
	}

	@Test
	void resultsFromTheDeviceAreStoredOnceHoweverOftenTheyAreSent() throws Exception {
		Member member = signedUpMember();
		var visitor = member.visitor();
		assertThat(visitor.get("/account").body()).as("the offer, for the device's script to make")
			.contains("id=\"device-import\"");
		String one = result(UUID.randomUUID());
		String two = result(UUID.randomUUID());
		var first = visitor.json("POST", "/api/v1/me/sessions", "[" + one + "," + two + "]");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).isEqualTo("{\"stored\":2,\"alreadyKept\":0}");
		var again = visitor.json("POST", "/api/v1/me/sessions", "[" + one + "]");
		assertThat(again.body()).isEqualTo("{\"stored\":0,\"alreadyKept\":1}");

		String three = result(UUID.randomUUID());
		var sends = new ArrayList<CompletableFuture<HttpResponse<String>>>();
		for (int i = 0; i < 4; i++) {
			sends.add(CompletableFuture.supplyAsync(
					() -> visitor.json("POST", "/api/v1/me/sessions", "[" + three + "]")));
		}
		for (var send : sends) {
			assertThat(send.get().statusCode()).isEqualTo(200);
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM session_result WHERE member_id = ?").param(member.id())
			.query(Integer.class).single()).isEqualTo(3);

		var bad = visitor.json("POST", "/api/v1/me/sessions",
				"[{\"id\":\"x\",\"startedAt\":\"yesterday\",\"painBefore\":11}]");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("[0].id").contains("[0].startedAt").contains("[0].painBefore");
	}

	@Test
	void herExportHoldsEveryTableAndErasingLeavesNoRowAboutHer() throws Exception {
		Member member = signedUpMember();
		var visitor = member.visitor();
		visitor.get("/account/profile");
		visitor.post("/account/profile", "dueDate", java.time.LocalDate.now().plusWeeks(20).toString(),
				"pain.UPPER_BACK", "4");
		visitor.get("/account");
		visitor.json("POST", "/api/v1/me/sessions", "[" + result(UUID.randomUUID()) + "]");
		insertPasskey(member.email());
		// Everything the adaptive loop keeps about her: diary, activity, the week her plan learned, reminders.
		String today = java.time.LocalDate.now().toString();
		assertThat(visitor.json("PUT", "/api/v1/me/diary/" + today, "{\"pain\":{\"HIPS\":6},\"note\":\"stairs\"}")
			.statusCode()).isEqualTo(200);
		assertThat(visitor.json("PUT", "/api/v1/me/activity/" + today, "{\"SWIMMING\":40}").statusCode()).isEqualTo(200);
		visitor.get("/account");
		visitor.post("/account/check", answers());
		assertThat(visitor.get("/api/v1/me/plan").statusCode()).isEqualTo(200);
		visitor.get("/progress/reminders");
		visitor.post("/progress/reminders", "day", "2", "time", "07:30", "zone", "Europe/Vienna", "action", "on");
		jdbc.sql("INSERT INTO reminder_delivery (member_id, due_at, status, attempts, next_attempt_at) VALUES (?, ?, 'SENT', 1, ?)")
			.params(member.id(), java.time.OffsetDateTime.now(), java.time.OffsetDateTime.now())
			.update();
		// Sharing: a link (its provider leaves a note through it) and her calendar address.
		visitor.get("/sharing");
		String link = visitor.post("/sharing", "name", "Physio Ben", "access", "adjust", "days", "30").body()
			.replaceAll("(?s).*value=\"https?://[^\"]*/shared/([^\"]+)\".*", "$1");
		var provider = new Visitor(port);
		provider.get("/shared/" + link + "/view");
		provider.post("/shared/" + link + "/adjust", "kind", "NOTE", "message", "See you Tuesday");
		visitor.get("/sharing");
		visitor.post("/sharing/calendar", "time", "07:30");

		var zip = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/account/export.zip"))
			.header("Cookie", "SESSION=" + visitor.cookie("SESSION").orElseThrow())
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(zip.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
		var names = new ArrayList<String>();
		String json = "";
		try (var entries = new ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
			for (var entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
				names.add(entry.getName());
				if (entry.getName().endsWith(".json")) {
					json = new String(entries.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
				}
			}
		}
		assertThat(names).contains("carrywell-export.json", "account.csv", "profile.csv", "check.csv",
				"passkeys.csv", "activity.csv", "sessions.csv", "pain-diary.csv", "activity-minutes.csv",
				"plan-weeks.csv", "reminders.csv", "provider-shares.csv", "provider-adjustments.csv", "calendar-feed.csv",
				"README.txt");
		assertThat(json).contains(member.email()).contains("UPPER_BACK=4").contains("My test key")
			.contains("HIPS:6").contains("stairs").contains("SWIMMING").contains("Europe/Vienna")
			.contains("Physio Ben").contains("See you Tuesday").doesNotContain(link)
			.as("a link's hash is nobody's to read").doesNotContain(java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(link.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
			.doesNotContain("argon2");
		for (String table : List.of("pain_diary", "activity_minutes", "learned_week", "reminder_setting",
				"reminder_delivery", "session_result", "provider_share", "provider_adjustment", "calendar_feed")) {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE member_id = ?").param(member.id())
				.query(Integer.class).single()).as(table).isPositive();
		}

		visitor.get("/account/erase");
		var wrong = visitor.post("/account/erase", "password", "not my password");
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(rowsAbout(member.id(), member.email())).isPositive();
		var erased = visitor.post("/account/erase", "password", PASSWORD);
		assertThat(location(erased)).isEqualTo("/account/erased");
		assertThat(rowsAbout(member.id(), member.email())).isZero();
		assertThat(new Visitor(port).signIn(member.email(), PASSWORD).statusCode()).isEqualTo(400);
	}

	// --- helpers

	/** A verified member, signed in on a fresh visitor. */
	Member signedUpMember() {
		return inbox.newMember(port, jdbc, PASSWORD);
	}

	/** Every row about her in every table: by member id, by her address (passkeys, sessions). */
	int rowsAbout(UUID id, String email) {
		int rows = 0;
		for (String table : jdbc.sql("""
				SELECT DISTINCT LOWER(table_name) FROM information_schema.columns
				WHERE LOWER(column_name) = 'member_id' AND LOWER(table_schema) = 'public'""").query(String.class).list()) {
			rows += jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE member_id = ?").param(id).query(Integer.class).single();
		}
		rows += jdbc.sql("SELECT COUNT(*) FROM member WHERE id = ? OR email = ?").params(id, email).query(Integer.class).single();
		rows += jdbc.sql("SELECT COUNT(*) FROM user_entities WHERE name = ?").param(email).query(Integer.class).single();
		rows += jdbc.sql("SELECT COUNT(*) FROM user_credentials WHERE user_entity_user_id = 'entity-' || ?")
			.param(email).query(Integer.class).single();
		rows += sessionsOf(email);
		return rows;
	}

	int sessionsOf(String email) {
		return jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?").param(email)
			.query(Integer.class).single();
	}

	void insertPasskey(String email) {
		jdbc.sql("INSERT INTO user_entities (id, name, display_name) VALUES (?, ?, ?)")
			.params("entity-" + email, email, email).update();
		jdbc.sql("""
				INSERT INTO user_credentials (credential_id, user_entity_user_id, public_key, signature_count,
				uv_initialized, backup_eligible, authenticator_transports, public_key_credential_type, backup_state,
				created, last_used, label) VALUES (?, ?, ?, 0, TRUE, FALSE, 'internal', 'public-key', FALSE,
				CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'My test key')""")
			.params("cred-" + email, "entity-" + email, new byte[] { 1, 2, 3 }).update();
	}

	List<String> activity(String email) {
		return jdbc.sql("SELECT a.kind FROM member_activity a JOIN member m ON a.member_id = m.id WHERE m.email = ?")
			.param(email).query(String.class).list();
	}

	static String result(UUID id) {
		return "{\"id\":\"" + id + "\",\"version\":1,\"startedAt\":\"2026-11-20T08:00:00Z\","
				+ "\"endedAt\":\"2026-11-20T08:15:00Z\",\"planQuery\":\"weeks=20\",\"day\":1,\"painBefore\":4,"
				+ "\"painAfter\":2,\"felt\":\"ABOUT_RIGHT\",\"secondsDone\":900,\"exercisesDone\":[\"cat-cow\"],"
				+ "\"exercisesSkipped\":[],\"symptoms\":[]}";
	}

	static String[] answers(String... yes) {
		var fields = new ArrayList<String>();
		for (var question : org.carrywell.safety.ScreeningQuestion.values()) {
			fields.add(question.name());
			fields.add(List.of(yes).contains(question.name()) ? "yes" : "no");
		}
		return fields.toArray(String[]::new);
	}

	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("(no redirect: " + response.statusCode() + ")");
	}

	/** The path of the link in an account e-mail whose path starts with {@code prefix} (the token is in the path). */
	static String link(MimeMessage mail, String prefix) throws Exception {
		var links = java.util.regex.Pattern.compile("https?://[^\\s\"<>]+").matcher(Mails.plainText(mail));
		while (links.find()) {
			String path = java.net.URI.create(links.group()).getRawPath();
			if (path.startsWith(prefix)) {
				return path;
			}
		}
		throw new AssertionError("No link to " + prefix + "… in: " + Mails.plainText(mail));
	}

	private final Inbox inbox = new Inbox(smtp);

	/** The next e-mail to an address that this test has not read yet (waits for the background sender). */
	MimeMessage mailTo(String address) throws InterruptedException {
		return inbox.mailTo(address);
	}

}
