package org.carrywell.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.carrywell.accounts.Inbox;
import org.carrywell.accounts.Visitor;
import org.carrywell.newsletter.Mails;
import org.carrywell.progress.internal.ReminderQueue;
import org.carrywell.progress.internal.ReminderWorker;

/**
 * The adaptive loop over a real port, as the player, the pages and the API use it: results kept once however
 * often (and however concurrently) they are sent, the diary's offer of the warning-sign check, activity against
 * the guideline, a plan that learns and says why, "is it helping?" drawn on the server, and reminders sent once
 * with a stop link that works. Run on H2 and on PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class ProgressJourneyContract {

	static final String PASSWORD = "a walk by the river in spring";

	private static final JsonMapper JSON = JsonMapper.builder().build();

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

	@Autowired
	ReminderWorker reminders;

	@Autowired
	Clock clock;

	private final Inbox inbox = new Inbox(smtp);

	/** Every journey here, bad input included, leaves the log free of errors. */
	@AfterEach
	void theLogHasNoError(CapturedOutput output) {
		assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("\tat org.carrywell");
	}

	@Test
	void aResultIsStoredOnceHoweverOftenAndHoweverConcurrentlyItIsSent() throws Exception {
		var member = inbox.newMember(port, jdbc, PASSWORD);
		var visitor = member.visitor();
		visitor.get("/account");
		UUID id = UUID.randomUUID();
		String result = result(id, LocalDate.now(clock), "TOO_EASY", "[\"cat-cow-seated\"]", "[\"cat-cow-seated\"]");

		var sends = new ArrayList<CompletableFuture<HttpResponse<String>>>();
		for (int i = 0; i < 6; i++) {
			sends.add(CompletableFuture.supplyAsync(() -> visitor.json("POST", "/api/v1/me/sessions", "[" + result + "]")));
		}
		int stored = 0;
		for (var send : sends) {
			assertThat(send.get().statusCode()).isEqualTo(200);
			stored += JSON.readTree(send.get().body()).get("stored").asInt();
		}
		assertThat(stored).as("stored by exactly one of the sends").isEqualTo(1);
		assertThat(rows("session_result", member.id())).isEqualTo(1);

		JsonNode listed = JSON.readTree(visitor.get("/api/v1/me/sessions").body());
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("clientId").asString()).isEqualTo(id.toString());
		assertThat(listed.get(0).get("felt").asString()).isEqualTo("TOO_EASY");
		assertThat(listed.get(0).get("exercisesPainful").get(0).asString()).isEqualTo("cat-cow-seated");
		assertThat(listed.get(0).get("note").asString()).isEqualTo("stiff this morning");

		var bad = visitor.json("POST", "/api/v1/me/sessions", "[" + result(UUID.randomUUID(), LocalDate.now(clock),
				"EASY", "[]", "[]") + "]");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("[0].felt");
		assertThat(visitor.get("/api/v1/me/sessions?from=2026-13-01").statusCode()).isEqualTo(400);
		assertThat(visitor.get("/api/v1/me/sessions?from=+999999999-12-01&to=+999999999-12-31").statusCode()).isEqualTo(400);
		var farFuture = visitor.json("POST", "/api/v1/me/sessions", "[" + result(UUID.randomUUID(), LocalDate.of(2999, 1, 1),
				"ABOUT_RIGHT", "[]", "[]") + "]");
		assertThat(farFuture.statusCode()).isEqualTo(400);
		assertThat(farFuture.body()).contains("[0].startedAt");
		assertThat(visitor.json("PUT", "/api/v1/me/diary/" + LocalDate.now(clock).plusDays(2), "{\"pain\":{\"HIPS\":2}}")
			.statusCode()).as("a diary entry for the day after tomorrow").isEqualTo(400);
	}

	@Test
	void theDiaryOffersTheWarningSignCheckWhenPainIsStrongOrRoseByThree() throws Exception {
		var visitor = memberWithProfile().visitor();
		LocalDate today = LocalDate.now(clock);
		// The two taps from the home page: a number for each of her areas, then save.
		var home = visitor.get("/");
		assertThat(home.body()).contains("How is your back today?").contains("name=\"pain.LOWER_BACK\"")
			.contains("name=\"pain.PELVIS_FRONT\"");
		var saved = visitor.post("/progress/diary", "pain.PELVIS_FRONT", "9");
		assertThat(location(saved)).isEqualTo("/progress/diary?day=" + today + "&offer");
		var page = visitor.get(location(saved));
		assertThat(page.body()).contains("/warning-signs?offer=SEVERE_OR_WORSENING_PAIN&amp;weeks=");
		assertThat(visitor.get("/").body()).contains("Today&#39;s diary is done.");

		assertThat(diary(visitor, today.minusDays(3), "{\"LOWER_BACK\":3}").get("offerWarningCheck").asBoolean()).isFalse();
		assertThat(diary(visitor, today.minusDays(2), "{\"LOWER_BACK\":5}").get("offerWarningCheck").asBoolean()).isFalse();
		assertThat(diary(visitor, today.minusDays(1), "{\"LOWER_BACK\":8}").get("offerWarningCheck").asBoolean())
			.as("pain of 8").isTrue();
		assertThat(diary(visitor, today, "{\"LOWER_BACK\":6,\"HIPS\":2}").get("offerWarningCheck").asBoolean()).isFalse();
		assertThat(diary(visitor, today, "{\"LOWER_BACK\":5,\"HIPS\":4}").get("offerWarningCheck").asBoolean())
			.as("hips not rated the day before count from 0: a rise of 4").isTrue();
		assertThat(diary(visitor, today.minusDays(1), "{\"LOWER_BACK\":2}").get("offerWarningCheck").asBoolean()).isFalse();
		assertThat(diary(visitor, today, "{\"LOWER_BACK\":5}").get("offerWarningCheck").asBoolean())
			.as("a rise of 3 from the day before").isTrue();

		visitor.get("/progress/diary");
		var wrong = visitor.post("/progress/diary", "pain.LOWER_BACK", "11", "note", "x".repeat(501));
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(wrong.body()).contains("Choose a number from 0 to 10.").contains("Keep the note to 500 characters.");
		assertThat(visitor.post("/progress/diary").body()).contains("Rate at least one area.");
		assertThat(visitor.json("PUT", "/api/v1/me/diary/" + today, "{\"pain\":{\"KNEE\":3}}").body()).contains("pain.KNEE");
	}

	@Test
	void aRiseIsMeasuredFromHerEntryOfThePastWeekOnly() throws Exception {
		var visitor = memberWithProfile().visitor();
		LocalDate today = LocalDate.now(clock);
		diary(visitor, today.minusDays(10), "{\"LOWER_BACK\":2}");
		assertThat(diary(visitor, today, "{\"LOWER_BACK\":5}").get("offerWarningCheck").asBoolean())
			.as("ten days since the last entry: no quick rise to speak of").isFalse();
		// Tomorrow by the server's clock is her today in a time zone ahead of it (diary() checks the 200).
		diary(visitor, today.plusDays(1), "{\"LOWER_BACK\":5}");
	}

	@Test
	void activityMinutesCountAgainstTheGuideline() throws Exception {
		var visitor = memberWithProfile().visitor();
		LocalDate monday = org.carrywell.progress.PlanLearning.weekStart(LocalDate.now(clock)).minusWeeks(1);
		for (int day = 0; day < 3; day++) {
			assertThat(visitor.json("PUT", "/api/v1/me/activity/" + monday.plusDays(day), "{\"WALKING\":30,\"YOGA\":20}")
				.statusCode()).isEqualTo(200);
		}
		JsonNode activity = JSON.readTree(visitor.get("/api/v1/me/activity?from=" + monday + "&to=" + monday.plusDays(6)).body());
		assertThat(activity.get("days")).hasSize(6);
		JsonNode week = activity.get("weeks").get(0);
		assertThat(week.get("minutes").asInt()).isEqualTo(150);
		assertThat(week.get("activeDays").asInt()).isEqualTo(3);
		assertThat(week.get("guidelineMet").asBoolean()).isTrue();
		assertThat(visitor.json("PUT", "/api/v1/me/activity/" + monday, "{\"WALKING\":0}").statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(visitor.get("/api/v1/me/activity?from=" + monday + "&to=" + monday.plusDays(6)).body())
			.get("weeks").get(0).get("guidelineMet").asBoolean()).isFalse();

		visitor.get("/progress/activity");
		var saved = visitor.post("/progress/activity", "minutes.SWIMMING", "45");
		assertThat(location(saved)).startsWith("/progress/activity?day=");
		assertThat(visitor.get(location(saved)).body()).contains("This week so far: 45 minutes over one day");
		assertThat(visitor.post("/progress/activity", "minutes.CYCLING", "-5").statusCode()).isEqualTo(400);
	}

	@Test
	void herPlanLearnsFromHerSessionsAndSaysWhy() throws Exception {
		var member = memberWithProfile();
		var visitor = member.visitor();
		JsonNode plan = JSON.readTree(visitor.get("/api/v1/me/plan").body());
		assertThat(plan.get("changes")).isEmpty();
		assertThat(rows("learned_week", member.id())).isEqualTo(1);

		// Two sessions of her first day's exercises, both too easy, pain steady, in the days before.
		var items = new ArrayList<String>();
		plan.get("sessions").get(0).get("items").forEach(item -> items.add("\"" + item.get("exerciseId").asString() + "\""));
		String done = "[" + String.join(",", items) + "]";
		LocalDate today = LocalDate.now(clock);
		visitor.json("POST", "/api/v1/me/sessions", "[" + result(UUID.randomUUID(), today.minusDays(3), "TOO_EASY", done, "[]")
				+ "," + result(UUID.randomUUID(), today.minusDays(1), "TOO_EASY", done, "[]") + "]");

		visitor.get("/plan/mine");
		var again = visitor.post("/plan/mine/again");
		assertThat(location(again)).startsWith("/plan/week?").contains("mine=yes");
		var page = visitor.get(location(again));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("What changed this week, and why")
			.contains("because your last two sessions with it felt easy and your pain has not gone up")
			.contains("Your plan was made again from your latest sessions.");
		JsonNode learned = JSON.readTree(visitor.get("/api/v1/me/plan").body());
		assertThat(learned.get("changes")).isNotEmpty();
		learned.get("changes").forEach(change -> {
			assertThat(change.get("rule").asString()).isIn("PROGRESS_EASY_TWICE", "GROW_ONE_STEP", "HOLD_SIZE");
			assertThat(change.get("text").asString()).isNotBlank();
		});
		assertThat(rows("learned_week", member.id())).as("one week, decided again").isEqualTo(1);
		// A visitor with the same address gets the plain plan: her history is hers.
		String address = location(again);
		assertThat(new Visitor(port).get(address).body()).doesNotContain("What changed this week");
		// Marked as hers, an address with someone else's answers still gives her own plan, from her profile, and a
		// calendar starting in three weeks decides nothing for a week she is not in yet.
		var crafted = visitor.get("/plan/week?weeks=10&asOf=" + today + "&minutes=5&sessions=1&floor=no&mine=yes");
		assertThat(crafted.body()).contains("What changed this week").contains("sessions of about")
			.doesNotContain("1 session of about 5 minutes");
		visitor.get("/plan/calendar.ics?" + address.substring(address.indexOf('?') + 1) + "&start=" + today.plusWeeks(3));
		assertThat(rows("learned_week", member.id())).isEqualTo(1);
	}

	@Test
	void isItHelpingShowsHerNumbersAsDrawingsAndTables() throws Exception {
		var member = memberWithProfile();
		var visitor = member.visitor();
		LocalDate today = LocalDate.now(clock);
		diary(visitor, today.minusWeeks(2), "{\"LOWER_BACK\":6}");
		diary(visitor, today, "{\"LOWER_BACK\":3}");
		visitor.json("POST", "/api/v1/me/sessions", "[" + result(UUID.randomUUID(), today, "ABOUT_RIGHT", "[\"cat-cow-seated\"]", "[]") + "]");
		visitor.json("PUT", "/api/v1/me/activity/" + today, "{\"WALKING\":25}");

		var page = visitor.get("/progress?weeks=4");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<svg").contains("class=\"chart chart--lines\"").contains("<polyline")
			.contains("<caption>").contains("Lower back: 6 on average in the week of")
			.contains(", 3 in the week of").contains("lower.")
			.contains("not why")
			.doesNotContain("because of Carrywell");
		assertThat(page.body().split("<svg", -1)).as("three charts").hasSize(4);
	}

	@Test
	void remindersGoOnceOnHerDaysAndStopWithOneClick() throws Exception {
		var member = memberWithProfile();
		var visitor = member.visitor();
		visitor.get("/progress/reminders");
		var saved = visitor.post("/progress/reminders", "day", "1", "day", "2", "day", "3", "day", "4", "day", "5",
				"day", "6", "day", "7", "time", "00:00", "zone", "Pacific/Kiritimati", "action", "on");
		assertThat(location(saved)).isEqualTo("/progress/reminders?saved");
		// As if she had chosen it yesterday: today's midnight in her zone has passed, within the hour or not.
		jdbc.sql("UPDATE reminder_setting SET changed_at = ?, local_time = ? WHERE member_id = ?")
			.params(java.time.OffsetDateTime.now().minusDays(1),
					java.time.LocalTime.now(ZoneId.of("Pacific/Kiritimati")).minusMinutes(5).withSecond(0).withNano(0).toString(),
					member.id())
			.update();

		int sent = reminders.run() + reminders.run();
		assertThat(sent).as("sent once, however often the worker runs").isEqualTo(1);
		MimeMessage mail = inbox.mailTo(member.email());
		assertThat(mail.getSubject()).isEqualTo("Your Carrywell session today");
		assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		String text = Mails.plainText(mail);
		assertThat(text).contains("https://carrywell.example/plan/mine");
		var stop = java.util.regex.Pattern.compile("https://carrywell.example(/reminders/stop\\?t=[^\\s]+)").matcher(text);
		assertThat(stop.find()).isTrue();

		// Changing the time keeps the link in the reminders she has working.
		visitor.get("/progress/reminders");
		assertThat(location(visitor.post("/progress/reminders", "day", "3", "time", "19:30", "zone", "Pacific/Kiritimati",
				"action", "on"))).isEqualTo("/progress/reminders?saved");
		assertThat(visitor.post("/progress/reminders", "day", "3", "time", "19:30:05", "zone", "Europe/Paris",
				"action", "on").statusCode()).as("seconds are not a reminder time").isEqualTo(400);
		var noWhere = visitor.post("/progress/reminders", "time", "19:30", "zone", "Mars/Olympus_Mons", "action", "on");
		assertThat(noWhere.statusCode()).isEqualTo(400);
		assertThat(noWhere.body()).contains("Choose at least one day.").contains("Choose a time zone from the list.");

		var stranger = new Visitor(port);
		var stopPage = stranger.get(stop.group(1));
		assertThat(stopPage.body()).contains("Stop my reminders");
		String token = stop.group(1).substring(stop.group(1).indexOf("t=") + 2);
		var stopped = stranger.post("/reminders/stop", "t", java.net.URLDecoder.decode(token, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(location(stopped)).isEqualTo("/reminders/stopped");
		assertThat(rows("reminder_setting", member.id())).isZero();
		assertThat(stranger.get(stop.group(1)).body()).contains("no longer stops anything");
		stranger.get(stop.group(1));
		var again = stranger.post("/reminders/stop", "t", java.net.URLDecoder.decode(token, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).as("pressed again: it says so, and stops nothing").contains("no longer stops anything");
	}

	@Test
	void aReminderInterruptedWhileSendingIsNeverSentAgainAndTheOneClickStopNeedsNoToken() throws Exception {
		var member = memberWithProfile();
		var visitor = member.visitor();
		visitor.get("/progress/reminders");
		visitor.post("/progress/reminders", "day", "1", "time", "08:00", "zone", "Europe/Paris", "action", "on");
		// A worker claimed this reminder twenty minutes ago and died before recording it.
		jdbc.sql("""
				INSERT INTO reminder_delivery (member_id, due_at, status, attempts, next_attempt_at, claimed_at)
				VALUES (?, ?, 'SENDING', 0, ?, ?)""")
			.params(member.id(), java.time.OffsetDateTime.now().minusMinutes(25), java.time.OffsetDateTime.now().minusMinutes(25),
					java.time.OffsetDateTime.now().minusMinutes(20))
			.update();
		// And one queued before an outage, two hours ago: too late to remind anyone.
		jdbc.sql("""
				INSERT INTO reminder_delivery (member_id, due_at, status, attempts, next_attempt_at)
				VALUES (?, ?, 'QUEUED', 0, ?)""")
			.params(member.id(), java.time.OffsetDateTime.now().minusHours(2), java.time.OffsetDateTime.now().minusHours(2))
			.update();
		assertThat(reminders.run()).isZero();
		assertThat(jdbc.sql("SELECT status FROM reminder_delivery WHERE member_id = ? ORDER BY due_at").param(member.id())
			.query(String.class).list()).containsExactly(ReminderQueue.Status.CANCELLED.name(), ReminderQueue.Status.IN_DOUBT.name());

		String token = jdbc.sql("SELECT stop_nonce FROM reminder_setting WHERE member_id = ?").param(member.id())
			.query(String.class).single();
		assertThat(token).isNotBlank();
		var forged = new Visitor(port).postRaw("/reminders/stop/one-click?t=" + member.id() + ".forged", "List-Unsubscribe", "One-Click");
		assertThat(forged.statusCode()).isEqualTo(404);
		assertThat(rows("reminder_setting", member.id())).isEqualTo(1);
	}

	// --- helpers

	Inbox.Member memberWithProfile() {
		return inbox.newMemberWithPlan(port, jdbc, PASSWORD, Inbox.week24Profile(LocalDate.now(clock)));
	}

	private JsonNode diary(Visitor visitor, LocalDate day, String pain) {
		var answer = visitor.json("PUT", "/api/v1/me/diary/" + day, "{\"pain\":" + pain + ",\"sleepDisturbed\":false}");
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return JSON.readTree(answer.body());
	}

	static String result(UUID id, LocalDate day, String felt, String done, String painful) {
		return "{\"id\":\"" + id + "\",\"version\":2,\"startedAt\":\"" + day + "T08:00:00Z\",\"endedAt\":\"" + day
				+ "T08:15:00Z\",\"day\":1,\"painBefore\":4,\"painAfter\":4,\"felt\":\"" + felt
				+ "\",\"secondsDone\":900,\"exercisesDone\":" + done + ",\"exercisesSkipped\":[],\"exercisesEasier\":[],"
				+ "\"exercisesPainful\":" + painful + ",\"symptoms\":[],\"note\":\"stiff this morning\"}";
	}

	int rows(String table, UUID member) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE member_id = ?").param(member).query(Integer.class).single();
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("(no redirect: " + response.statusCode() + ")");
	}

}
