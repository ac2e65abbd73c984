package org.carrywell.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.Position;

/**
 * Sharing over a real port, as she and the person she shares with use it: links made, opened, counted, ended and
 * expired (410); tokens kept only as hashes; a view that shows what she chose and nothing of anyone else; a
 * provider's changes flowing into her plan (a forbidden pin shown, never planned) and undone by her; the PDF read
 * back with PDFBox; the FHIR file validated by HAPI FHIR (0 errors); her calendar address. On H2 and PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class SharingJourneyContract {

	static final String PASSWORD = "a walk by the river in spring";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern LINK = Pattern.compile("value=\"https://carrywell\\.example(/shared/[A-Za-z0-9_-]+)\"");

	private static final Pattern CALENDAR = Pattern.compile("value=\"https://carrywell\\.example(/calendar/[A-Za-z0-9_-]+\\.ics)\"");

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
	Clock clock;

	@Autowired
	Catalogue catalogue;

	private final Inbox inbox = new Inbox(smtp);

	@AfterEach
	void theLogHasNoError(CapturedOutput output) {
		assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("\tat org.carrywell");
	}

	@Test
	void aLinkIsHashedAtRestCountedInHerLogAndAnswers410OnceSheEndsIt() throws Exception {
		var member = memberWithProfile();
		String link = share(member, "Midwife Anna", "view", "30", false);
		String token = link.substring("/shared/".length());
		assertThat(token).hasSizeGreaterThanOrEqualTo(43);

		// Only the token's SHA-256 is stored, and nothing in the database holds the token itself.
		String stored = jdbc.sql("SELECT token_hash FROM provider_share WHERE member_id = ?").param(member.id())
			.query(String.class).single();
		assertThat(stored).isEqualTo(sha256(token)).isNotEqualTo(token);
		var expires = jdbc.sql("SELECT created_at, expires_at FROM provider_share WHERE member_id = ?")
			.param(member.id())
			.query((rs, row) -> Duration.between(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)))
			.single();
		assertThat(expires).isEqualTo(Duration.ofDays(30));

		var provider = new Visitor(port);
		// The link itself opens a door that holds nothing of hers and counts nothing: previews fetch it.
		var door = provider.get(link);
		assertThat(door.statusCode()).isEqualTo(200);
		assertThat(door.body()).contains("A plan shared with you").contains(link + "/open").doesNotContain(link + "/view")
			.doesNotContain("Week 24").doesNotContain("Midwife Anna");
		assertThat(jdbc.sql("SELECT times_opened FROM provider_share WHERE member_id = ?").param(member.id())
			.query(Integer.class).single()).isZero();
		var page = provider.get(link + "/view");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		assertThat(page.headers().firstValue("X-Robots-Tag").orElseThrow()).contains("noindex");
		assertThat(page.headers().firstValue("Referrer-Policy").orElseThrow()).isEqualTo("no-referrer");
		assertThat(page.body()).contains("Shared with Midwife Anna until").contains("Week 24")
			.contains("Her plan this week").contains("Lower back: 5").contains("No reason to wait found: may start gently")
			.doesNotContain(member.email()).doesNotContain("Change her plan");
		assertThat(provider.cookie("SESSION")).as("no session for someone opening a link").isEmpty();

		var sharing = member.visitor().get("/sharing").body();
		assertThat(sharing).contains("Midwife Anna").contains("Opened once, last on");
		assertThat(member.visitor().get("/account/activity").body()).contains("Your link was opened")
			.contains("Midwife Anna · page").contains("Link made for someone who cares for you");

		UUID shareId = jdbc.sql("SELECT id FROM provider_share WHERE member_id = ?").param(member.id()).query(UUID.class).single();
		var revoked = member.visitor().post("/sharing/" + shareId + "/revoke");
		assertThat(revoked.statusCode()).isEqualTo(302);
		for (String path : List.of(link, link + "/view", link + "/report.pdf", link + "/fhir.json")) {
			var gone = provider.get(path);
			assertThat(gone.statusCode()).as(path).isEqualTo(410);
			assertThat(gone.body()).as(path).contains("This link no longer works").contains("has ended it");
		}
		assertThat(member.visitor().get("/account/activity").body()).contains("Link ended");
		assertThat(provider.get("/shared/" + token.substring(1) + "A").statusCode()).as("never a link").isEqualTo(404);
		assertThat(provider.get("/shared/" + "x".repeat(500)).statusCode()).isEqualTo(404);
	}

	@Test
	void aLinkLastsAtMostNinetyDaysAndEndsOnItsDay() throws Exception {
		var member = memberWithProfile();
		var visitor = member.visitor();
		visitor.get("/sharing");
		var tooLong = visitor.post("/sharing", "name", "Physio Ben", "access", "view", "days", "91");
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("Give a number of days from 1 to 90.").contains("value=\"Physio Ben\"");
		var noName = visitor.post("/sharing", "name", " ", "access", "owner", "days", "30");
		assertThat(noName.statusCode()).isEqualTo(400);
		assertThat(noName.body()).contains("Say who the link is for.").contains("Choose what they may do.");
		assertThat(rows("provider_share", member.id())).isZero();

		String link = share(member, "Physio Ben", "adjust", "90", false);
		var provider = new Visitor(port);
		assertThat(provider.get(link + "/view").statusCode()).isEqualTo(200);
		jdbc.sql("UPDATE provider_share SET expires_at = ? WHERE member_id = ?")
			.params(OffsetDateTime.now(clock).minusMinutes(1), member.id())
			.update();
		var expired = provider.get(link + "/view");
		assertThat(expired.statusCode()).isEqualTo(410);
		assertThat(expired.body()).contains("It has passed the day it was shared until.");
		assertThat(provider.post(link + "/adjust", "kind", "NOTE", "message", "hello").statusCode())
			.as("a change through an ended link").isEqualTo(410);
		assertThat(rows("provider_adjustment", member.id())).isZero();
		assertThat(visitor.get("/sharing").body()).contains("Ended on");
	}

	@Test
	void aShareShowsWhatSheChoseAndNothingOfAnotherMember() throws Exception {
		var anna = memberWithProfile();
		var bea = memberWithProfile();
		LocalDate today = LocalDate.now(clock);
		diary(anna, today, "{\"LOWER_BACK\":7}", "Anna slept badly");
		diary(bea, today, "{\"HIPS\":3}", "Bea walked to the market");
		String annaWithoutNotes = share(anna, "Midwife Carla", "adjust", "30", false);
		String annaWithNotes = share(anna, "Physio Dan", "view", "30", true);
		String beaLink = share(bea, "Midwife Carla", "view", "30", true);
		var provider = new Visitor(port);

		String withoutNotes = provider.get(annaWithoutNotes + "/view").body();
		assertThat(withoutNotes).doesNotContain("Anna slept badly").doesNotContain("Her notes")
			.doesNotContain("Bea walked").doesNotContain(bea.email()).doesNotContain(anna.email());
		assertThat(fhir(annaWithoutNotes)).doesNotContain("Anna slept badly");
		assertThat(pdfText(bytes(annaWithoutNotes + "/report.pdf"))).doesNotContain("Anna slept badly");

		String withNotes = provider.get(annaWithNotes + "/view").body();
		assertThat(withNotes).contains("Anna slept badly").doesNotContain("Bea walked").doesNotContain("Change her plan");
		assertThat(fhir(annaWithNotes)).contains("Anna slept badly").doesNotContain("Bea walked");
		assertThat(provider.get(beaLink + "/view").body()).contains("Bea walked").doesNotContain("Anna slept badly");

		// A view-only link changes nothing, and nobody reaches another member's links or changes by their ids.
		var refused = provider.post(annaWithNotes + "/adjust", "kind", "NOTE", "message", "Keep going");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(rows("provider_adjustment", anna.id())).isZero();
		provider.get(annaWithoutNotes + "/view");
		provider.post(annaWithoutNotes + "/adjust", "kind", "NOTE", "message", "Keep going");
		long annaChange = jdbc.sql("SELECT id FROM provider_adjustment WHERE member_id = ?").param(anna.id())
			.query(Long.class).single();
		UUID annaShare = jdbc.sql("SELECT id FROM provider_share WHERE member_id = ? AND provider_name = 'Physio Dan'")
			.param(anna.id()).query(UUID.class).single();
		bea.visitor().get("/sharing");
		assertThat(bea.visitor().post("/sharing/" + annaShare + "/revoke").statusCode()).isEqualTo(404);
		assertThat(bea.visitor().post("/sharing/advice/" + annaChange + "/undo").statusCode()).isEqualTo(404);
		assertThat(bea.visitor().get("/sharing/" + annaShare + "/preview").statusCode()).isEqualTo(404);
		assertThat(provider.get(annaWithNotes + "/view").statusCode()).as("still open").isEqualTo(200);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM provider_adjustment WHERE undone_at IS NULL AND member_id = ?")
			.param(anna.id()).query(Integer.class).single()).isEqualTo(1);
		assertThat(bea.visitor().get("/sharing").body()).doesNotContain("Physio Dan").doesNotContain("Keep going");
		// Through Dan's link: Carla's note not at all, her exclusion without her name or her words.
		String planned = JSON.readTree(anna.visitor().get("/api/v1/me/plan").body()).get("sessions").get(0).get("items")
			.get(1).get("exerciseId").asString();
		provider.get(annaWithoutNotes + "/view");
		provider.post(annaWithoutNotes + "/adjust", "kind", "EXCLUDE", "exercise", planned, "message", "Carla's own reason");
		String throughDan = provider.get(annaWithNotes + "/view").body();
		assertThat(throughDan).doesNotContain("Keep going").doesNotContain("Midwife Carla").doesNotContain("Carla&#39;s own reason")
			.contains("Another provider left out");
		assertThat(provider.get(annaWithoutNotes + "/view").body()).contains("Keep going").contains("Carla&#39;s own reason");
		assertThat(new Visitor(port).get("/sharing").statusCode()).as("a visitor is sent to sign in").isEqualTo(302);
	}

	@Test
	void aProvidersChangesReachHerPlanThroughTheEngineAndSheCanUndoEachOne() throws Exception {
		var member = memberWithProfile();
		var visitor = member.visitor();
		JsonNode plan = JSON.readTree(visitor.get("/api/v1/me/plan").body());
		String planned = plan.get("sessions").get(0).get("items").get(1).get("exerciseId").asString();
		String plannedName = catalogue.find(planned).map(Exercise::name).orElseThrow();
		// Week 24: the rule book forbids lying on her back from week 16.
		Exercise forbidden = catalogue.exercises().stream().filter(e -> e.position() == Position.SUPINE).findFirst()
			.orElseThrow();

		String link = share(member, "Physio Ben", "adjust", "30", false);
		var provider = new Visitor(port);
		assertThat(provider.get(link + "/view").body()).contains("Change her plan").contains(plannedName);
		var noReason = provider.post(link + "/adjust", "kind", "EXCLUDE", "exercise", planned, "message", "");
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("Give her a reason: she will read it.");
		var unknown = provider.post(link + "/adjust", "kind", "PIN", "exercise", "no-such-exercise");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).contains("Choose an exercise from the list.");
		var bigCap = provider.post(link + "/adjust", "kind", "MAX_MINUTES", "minutes", "90");
		assertThat(bigCap.statusCode()).isEqualTo(400);
		String walking = catalogue.exercises().stream().filter(e -> e.category() == org.carrywell.catalogue.Category.CARDIO)
			.findFirst().orElseThrow().id().value();
		assertThat(provider.post(link + "/adjust", "kind", "PIN", "exercise", walking).statusCode())
			.as("walking is never in a session").isEqualTo(400);
		var longWhy = provider.post(link + "/adjust", "kind", "PIN", "exercise", planned, "message", "x".repeat(1001));
		assertThat(longWhy.statusCode()).isEqualTo(400);
		assertThat(longWhy.body()).as("the problem is named by the field").contains("Keep it to 1000 characters or fewer.")
			.contains("id=\"pin-message-error\"");
		assertThat(rows("provider_adjustment", member.id())).isZero();

		var excluded = provider.post(link + "/adjust", "kind", "EXCLUDE", "exercise", planned, "message",
				"Not while your pelvis is sore.");
		assertThat(excluded.headers().firstValue("Location").orElseThrow()).contains("?saved=EXCLUDE");
		provider.get(link + "/view");
		provider.post(link + "/adjust", "kind", "PIN", "exercise", forbidden.id().value());
		provider.get(link + "/view");
		provider.post(link + "/adjust", "kind", "MAX_MINUTES", "minutes", "10");
		provider.get(link + "/view");
		provider.post(link + "/adjust", "kind", "NOTE", "message", "Lovely progress, see you on Tuesday.");

		JsonNode advised = JSON.readTree(visitor.get("/api/v1/me/plan").body());
		assertThat(advised.get("minutesPerSession").asInt()).isLessThanOrEqualTo(10);
		assertThat(exerciseIds(advised)).doesNotContain(planned, forbidden.id().value());
		assertThat(advised.get("notes").toString()).contains("PINNED_NOT_ALLOWED").contains(forbidden.id().value());
		assertThat(advised.get("excluded").toString()).contains(planned);

		String page = visitor.get(location(visitor.get("/plan/mine"))).body();
		assertThat(page).contains("From the people who care for you")
			.contains("Physio Ben left out " + plannedName)
			.contains("Not while your pelvis is sore.")
			.contains("Physio Ben set your sessions to at most 10 minutes")
			.contains("Lovely progress, see you on Tuesday.")
			.contains("the safety rules do not allow it for you this week");
		String providerPage = provider.get(link + "/view").body();
		assertThat(providerPage).contains("the safety rules do not allow it for her now, so it is never played")
			.contains("What you changed through this link").contains("Withdraw");
		// The session player gets the same plan: the forbidden pin is never played.
		var session = visitor.get("/session?" + location(visitor.get("/plan/mine")).replaceFirst("^[^?]*\\?", "")
				+ "&day=1");
		assertThat(session.body()).doesNotContain("/exercises/" + forbidden.id().value() + "\"");

		// The library asks her providers too: an exercise one left out is not started from there either.
		var library = visitor.get("/session?exercise=" + planned + "&dueDate=" + LocalDate.now(clock).plusWeeks(16)
				+ "&floor=yes&equipment=MAT&equipment=CHAIR&equipment=WALL");
		assertThat(library.body()).contains("Physio Ben asked to leave this exercise out of your plan")
			.contains("Not while your pelvis is sore.");

		long exclusion = jdbc.sql("SELECT id FROM provider_adjustment WHERE member_id = ? AND kind = 'EXCLUDE'")
			.param(member.id()).query(Long.class).single();
		visitor.get("/sharing");
		assertThat(visitor.post("/sharing/advice/" + exclusion + "/undo").statusCode()).isEqualTo(302);
		JsonNode undone = JSON.readTree(visitor.get("/api/v1/me/plan").body());
		assertThat(undone.get("excluded").toString()).doesNotContain("\"" + planned + "\",\"byProvider\":true");
		assertThat(visitor.get("/sharing").body()).contains("Undone on");
		assertThat(provider.get(link + "/view").body()).contains("she undid it");
		assertThat(visitor.get("/account/activity").body()).contains("You undid a change to your plan")
			.contains("Your plan was changed, or a note left, through your link");
	}

	@Test
	void theReportIsAPdfWithHerNumbersEmbeddedFontsAndVectorCharts() throws Exception {
		var member = memberWithProfile();
		LocalDate today = LocalDate.now(clock);
		diary(member, today.minusWeeks(1), "{\"LOWER_BACK\":7}", "");
		// A control character pasted into a note must not stop the PDF.
		diary(member, today, "{\"LOWER_BACK\":3,\"HIPS\":2}", "stiff\\u000bback");
		sessions(member, today);
		member.visitor().json("PUT", "/api/v1/me/activity/" + today, "{\"WALKING\":45}");
		String link = share(member, "Midwife Anna", "view", "30", false);

		byte[] own = bytes(member, "/sharing/report.pdf?weeks=4");
		byte[] shared = bytes(link + "/report.pdf?weeks=4");
		for (byte[] pdf : List.of(own, shared)) {
			assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
			try (PDDocument document = Loader.loadPDF(pdf)) {
				String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
				assertThat(text).contains("Plan and progress report").contains("Week 24").contains("Lower back")
					.contains("Hips").contains("Warning signs she reported");
				// Her numbers: last week's pain, this week's, her sessions and her minutes.
				assertThat(text).contains("7").contains("3").contains("45");
				for (PDPage page : document.getPages()) {
					for (var name : page.getResources().getFontNames()) {
						PDFont font = page.getResources().getFont(name);
						assertThat(font.isEmbedded()).as(font.getName()).isTrue();
					}
					for (var name : page.getResources().getXObjectNames()) {
						assertThat(page.getResources().getXObject(name)).as("charts are vectors, not pictures")
							.isNotInstanceOf(PDImageXObject.class);
					}
				}
			}
		}
		// Kept for a person to look at, with the screenshots.
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
		java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "sharing-report.pdf"), shared);
		assertThat(pdfText(shared)).contains("For Midwife Anna");
		assertThat(pdfText(own)).doesNotContain("For Midwife Anna");
	}

	@Test
	void theFhirExportValidatesAgainstTheBaseProfilesWithTheDocumentedCodes() throws Exception {
		var member = memberWithProfile();
		LocalDate today = LocalDate.now(clock);
		diary(member, today, "{\"LOWER_BACK\":6,\"PELVIS_BACK\":4,\"UPPER_BACK\":2}", "stiff");
		sessions(member, today);
		member.visitor().json("PUT", "/api/v1/me/activity/" + today, "{\"SWIMMING\":40}");
		member.visitor().json("POST", "/api/v1/me/sessions", "[" + result(UUID.randomUUID(), today,
				"[\"FEVER_OR_CHILLS\"]") + "]");
		String link = share(member, "Midwife Anna", "view", "30", false);

		String json = fhir(link);
		assertThat(FhirValidation.errors(json)).as("FHIR validation errors").isEmpty();
		JsonNode bundle = JSON.readTree(json);
		assertThat(bundle.get("resourceType").asString()).isEqualTo("Bundle");
		assertThat(bundle.get("type").asString()).isEqualTo("collection");
		var codes = new ArrayList<String>();
		JsonNode lowerBack = null;
		for (JsonNode entry : bundle.get("entry")) {
			JsonNode resource = entry.get("resource");
			if (resource.has("code") && resource.get("code").has("coding")) {
				String code = resource.get("code").get("coding").get(0).get("code").asString();
				codes.add(code);
				if (code.equals("72514-3") && resource.get("bodySite").toString().contains("37822005")) {
					lowerBack = resource;
				}
			}
		}
		assertThat(codes).contains("72514-3", "55411-3", "82290-8", "11778-8", "49051-6");
		assertThat(lowerBack).isNotNull();
		assertThat(lowerBack.get("valueInteger").asInt()).isEqualTo(6);
		assertThat(json).contains("39723000").contains("Upper back and shoulders").contains("CALL_PROVIDER_NOW")
			.contains("min/wk").doesNotContain("stiff").doesNotContain(member.email())
			.doesNotContain(member.id().toString());
		String own = new String(bytes(member, "/sharing/fhir.json"), StandardCharsets.UTF_8);
		assertThat(FhirValidation.errors(own)).isEmpty();
		assertThat(own).contains("stiff");
	}

	@Test
	void herCalendarAddressWorksWithoutACookieUntilSheRenewsOrStopsIt() throws Exception {
		var member = memberWithProfile();
		var visitor = member.visitor();
		visitor.get("/sharing");
		assertThat(visitor.post("/sharing/calendar", "time", "25:00").statusCode()).isEqualTo(400);
		String first = matched(CALENDAR, visitor.post("/sharing/calendar", "time", "07:15").body());
		assertThat(jdbc.sql("SELECT token_hash FROM calendar_feed WHERE member_id = ?").param(member.id())
			.query(String.class).single()).isEqualTo(sha256(first.replace("/calendar/", "").replace(".ics", "")));

		var anybody = new Visitor(port);
		var feed = anybody.get(first);
		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
		assertThat(feed.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		String ics = feed.body().replace("\r\n ", "");
		assertThat(ics).contains("BEGIN:VEVENT").contains("T071500").contains("RRULE:FREQ=WEEKLY;COUNT=")
			// Week 24 today: the series stops at week 26, and one event asks her to make her plan again.
			.contains("From week 26 some advice changes")
			.doesNotContain(member.email());

		visitor.get("/sharing");
		String second = matched(CALENDAR, visitor.post("/sharing/calendar", "time", "18:00").body());
		assertThat(anybody.get(first).statusCode()).as("a renewed address ends the old one").isEqualTo(404);
		assertThat(anybody.get(second).statusCode()).isEqualTo(200);
		visitor.get("/sharing");
		visitor.post("/sharing/calendar/stop");
		assertThat(anybody.get(second).statusCode()).isEqualTo(404);
		assertThat(visitor.get("/account/activity").body()).contains("Calendar address made")
			.contains("Calendar address turned off");
	}

	@Test
	void theCalendarCarriesTheClearanceReminderUntilAClearanceIsRecorded() throws Exception {
		var member = memberWithProfile();
		var visitor = member.visitor();
		var answers = new StringBuilder("\"ANAEMIA\":\"yes\"");
		for (var question : org.carrywell.safety.ScreeningQuestion.values()) {
			if (question != org.carrywell.safety.ScreeningQuestion.ANAEMIA) {
				answers.append(",\"").append(question.name()).append("\":\"no\"");
			}
		}
		assertThat(visitor.json("PUT", "/api/v1/me/check", "{\"answers\":{" + answers + "}}").statusCode()).isEqualTo(200);
		visitor.get("/sharing");
		String address = matched(CALENDAR, visitor.post("/sharing/calendar", "time", "07:15").body());
		String reminder = "Talk to your provider before you start";
		assertThat(new Visitor(port).get(address).body().replace("\r\n ", "").toLowerCase())
			.as("the clearance reminder in every event").contains(reminder.toLowerCase());
	}

	@Test
	void whatAProviderLeavesOutIsNeverOfferedToMakeASessionEasier() throws Exception {
		var member = memberWithProfile();
		var visitor = member.visitor();
		String planQuery = location(visitor.get("/plan/mine")).replaceFirst("^[^?]*\\?", "");
		// Planned exercises with the easier version the player offers for them today.
		var easierOf = new java.util.LinkedHashMap<String, String>();
		for (JsonNode session : JSON.readTree(visitor.get("/api/v1/me/plan").body()).get("sessions")) {
			String player = player(visitor, planQuery, session.get("day").asInt());
			for (JsonNode item : session.get("items")) {
				String id = item.get("exerciseId").asString();
				catalogue.find(id).flatMap(Exercise::easierVariant)
					.filter(easier -> player.contains("\"id\":\"" + easier.value() + "\""))
					.ifPresent(easier -> easierOf.put(id, easier.value()));
			}
		}
		assertThat(easierOf).as("an easier version the player offers").isNotEmpty();

		String link = share(member, "Physio Ben", "adjust", "30", false);
		var provider = new Visitor(port);
		provider.get(link + "/view");
		boolean tried = false;
		for (var pair : easierOf.entrySet()) {
			provider.post(link + "/adjust", "kind", "EXCLUDE", "exercise", pair.getValue(), "message", "Not this one for now.");
			// Still planned with its easier version left out: its day's player must not offer that version.
			for (JsonNode session : JSON.readTree(visitor.get("/api/v1/me/plan").body()).get("sessions")) {
				boolean planned = false;
				for (JsonNode item : session.get("items")) {
					planned |= item.get("exerciseId").asString().equals(pair.getKey());
				}
				if (planned) {
					String player = player(visitor, planQuery, session.get("day").asInt());
					assertThat(player).contains("\"id\":\"" + pair.getKey() + "\"")
						.doesNotContain("\"id\":\"" + pair.getValue() + "\"");
					tried = true;
				}
			}
			if (tried) {
				break;
			}
		}
		assertThat(tried).as("an exercise still planned after its easier version was left out").isTrue();
	}

	/** The warning-sign check's result as a browser asks for it, saying where the request comes from. */
	private int check(String path, String session, String from) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Sec-Fetch-Site", from);
		if (session != null) {
			request.header("Cookie", "SESSION=" + session);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** The player's page for a day of her plan, after the check before a session answered "no" throughout. */
	private String player(Visitor visitor, String planQuery, int day) {
		String before = visitor.get("/session?" + planQuery + "&day=" + day).body();
		var asked = Pattern.compile("name=\"asked\" value=\"([^\"]+)\"").matcher(before);
		assertThat(asked.find()).as("the check before a session").isTrue();
		var query = new StringBuilder("/session/play?" + planQuery + "&day=" + day + "&painBefore=3&asked=" + asked.group(1));
		for (var question : org.carrywell.safety.PreSessionQuestion.values()) {
			query.append("&before.").append(question.name()).append("=no");
		}
		var page = visitor.get(query.toString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"session-data\"");
		return page.body();
	}

	@Test
	void aProviderWithdrawsTheirOwnChangesOnlyAndSheCanEndALinkWithEverythingItChanged() throws Exception {
		var member = memberWithProfile();
		String ben = share(member, "Physio Ben", "adjust", "30", false);
		String cara = share(member, "Midwife Cara", "adjust", "30", false);
		var benDesk = new Visitor(port);
		var caraDesk = new Visitor(port);
		benDesk.get(ben + "/view");
		caraDesk.get(cara + "/view");
		benDesk.post(ben + "/adjust", "kind", "NOTE", "message", "First note");
		long first = jdbc.sql("SELECT id FROM provider_adjustment WHERE member_id = ?").param(member.id()).query(Long.class).single();
		assertThat(caraDesk.post(cara + "/withdraw/" + first).statusCode()).as("not Cara's to withdraw").isEqualTo(404);
		assertThat(benDesk.post(ben + "/withdraw/" + first).statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT undone_by FROM provider_adjustment WHERE id = ?").param(first).query(String.class).single())
			.isEqualTo("PROVIDER");
		assertThat(benDesk.get(ben + "/view").body()).contains("you withdrew it");

		for (int note = 1; note <= 20; note++) {
			assertThat(benDesk.post(ben + "/adjust", "kind", "NOTE", "message", "Note " + note).statusCode()).isEqualTo(302);
		}
		var tooMany = benDesk.post(ben + "/adjust", "kind", "NOTE", "message", "One more");
		assertThat(tooMany.statusCode()).isEqualTo(400);
		assertThat(tooMany.body()).contains("There are already 20 changes through this link.");
		var control = caraDesk.post(cara + "/adjust", "kind", "NOTE", "message", "bad\u0001note");
		assertThat(control.statusCode()).isEqualTo(400);
		assertThat(control.body()).contains("Some characters in it cannot be shown");

		UUID benShare = jdbc.sql("SELECT id FROM provider_share WHERE member_id = ? AND provider_name = 'Physio Ben'")
			.param(member.id()).query(UUID.class).single();
		member.visitor().get("/sharing");
		member.visitor().post("/sharing/" + benShare + "/revoke", "undo", "yes");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM provider_adjustment WHERE member_id = ? AND undone_at IS NULL")
			.param(member.id()).query(Integer.class).single()).isZero();
		assertThat(benDesk.get(ben + "/view").statusCode()).isEqualTo(410);
		assertThat(caraDesk.get(cara + "/view").statusCode()).isEqualTo(200);
	}

	@Test
	void signingOutEverywhereEndsHerLinksAndHerCalendarAddress() throws Exception {
		var member = memberWithProfile();
		String link = share(member, "Midwife Anna", "view", "30", false);
		member.visitor().get("/sharing");
		String calendar = matched(CALENDAR, member.visitor().post("/sharing/calendar", "time", "07:15").body());
		var anybody = new Visitor(port);
		assertThat(anybody.get(link + "/view").statusCode()).isEqualTo(200);
		assertThat(anybody.get(calendar).statusCode()).isEqualTo(200);

		member.visitor().get("/account");
		assertThat(member.visitor().post("/account/sign-out-everywhere").statusCode()).isEqualTo(302);
		assertThat(anybody.get(link + "/view").statusCode()).isEqualTo(410);
		assertThat(anybody.get(calendar).statusCode()).isEqualTo(404);
		var again = new Visitor(port);
		again.signIn(member.email(), PASSWORD);
		assertThat(again.get("/account/activity").body()).contains("Midwife Anna · signed out everywhere")
			.contains("Calendar address turned off");
	}

	@Test
	void herWarningSignChecksReachTheViewOnceEach() throws Exception {
		var member = memberWithProfile();
		String query = "/warning-signs/result?symptom=FEWER_BABY_MOVEMENTS&weeks=24";
		String session = member.visitor().cookie("SESSION").orElseThrow();
		assertThat(check(query, session, "cross-site")).as("a link crafted on another site").isEqualTo(200);
		assertThat(rows("warning_sign_check", member.id())).isZero();
		assertThat(check(query, session, "same-origin")).isEqualTo(200);
		assertThat(check(query, session, "same-origin")).as("the same result opened again").isEqualTo(200);
		assertThat(check("/warning-signs/result?weeks=24", session, "same-origin")).as("nothing ticked").isEqualTo(200);
		assertThat(rows("warning_sign_check", member.id())).isEqualTo(1);
		assertThat(check(query, null, "same-origin")).as("a visitor's check keeps nothing").isEqualTo(200);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM warning_sign_check").query(Integer.class).single()).isEqualTo(1);
		assertThat(member.visitor().get("/progress?weeks=4").body()).as("she sees what is kept")
			.contains("Warning-sign checks you made").contains("Your baby is moving less than usual");

		String link = share(member, "Midwife Anna", "view", "30", false);
		String view = new Visitor(port).get(link + "/view").body();
		assertThat(view).contains("Reduced or changed fetal movements").contains("warning-sign check")
			.contains("Told to stop and call her midwife, doctor or maternity unit now");
		assertThat(fhir(link)).contains("Reduced or changed fetal movements").contains("CALL_PROVIDER_NOW");
	}

	Inbox.Member memberWithProfile() {
		return inbox.newMemberWithPlan(port, jdbc, PASSWORD, Inbox.week24Profile(LocalDate.now(clock)));
	}

	/** She makes a link on her sharing page; the page shows it once. */
	private String share(Inbox.Member member, String name, String access, String days, boolean notes) {
		var visitor = member.visitor();
		visitor.get("/sharing");
		var made = notes ? visitor.post("/sharing", "name", name, "access", access, "days", days, "notes", "yes")
				: visitor.post("/sharing", "name", name, "access", access, "days", days);
		assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
		assertThat(made.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		String link = matched(LINK, made.body());
		assertThat(visitor.get("/sharing").body()).as("shown once").doesNotContain(link);
		return link;
	}

	private void diary(Inbox.Member member, LocalDate day, String pain, String note) {
		var answer = member.visitor().json("PUT", "/api/v1/me/diary/" + day, "{\"pain\":" + pain
				+ ",\"sleepDisturbed\":false,\"note\":\"" + note + "\"}");
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
	}

	private void sessions(Inbox.Member member, LocalDate day) {
		var sent = member.visitor().json("POST", "/api/v1/me/sessions", "[" + result(UUID.randomUUID(), day, "[]") + "]");
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
	}

	static String result(UUID id, LocalDate day, String symptoms) {
		return "{\"id\":\"" + id + "\",\"version\":2,\"startedAt\":\"" + day + "T08:00:00Z\",\"endedAt\":\"" + day
				+ "T08:15:00Z\",\"day\":1,\"painBefore\":4,\"painAfter\":3,\"felt\":\"ABOUT_RIGHT\""
				+ ",\"secondsDone\":900,\"exercisesDone\":[\"cat-cow-seated\"],\"exercisesSkipped\":[],\"exercisesEasier\":[],"
				+ "\"exercisesPainful\":[],\"symptoms\":" + symptoms + ",\"note\":\"\"}";
	}

	private String fhir(String link) throws Exception {
		var response = send(link + "/fhir.json", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/fhir+json");
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	private byte[] bytes(String path) throws Exception {
		var response = send(path, null);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private byte[] bytes(Inbox.Member member, String path) throws Exception {
		var response = send(path, member.visitor().cookie("SESSION").orElseThrow());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		return response.body();
	}

	private HttpResponse<byte[]> send(String path, String session) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (session != null) {
			request.header("Cookie", "SESSION=" + session);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	static String pdfText(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

	private static List<String> exerciseIds(JsonNode plan) {
		var ids = new ArrayList<String>();
		plan.get("sessions").forEach(session -> session.get("items").forEach(item -> ids.add(item.get("exerciseId").asString())));
		return ids;
	}

	private static String matched(Pattern pattern, String page) {
		var matcher = pattern.matcher(page);
		assertThat(matcher.find()).as("a link on the page").isTrue();
		return matcher.group(1);
	}

	private int rows(String table, UUID member) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE member_id = ?").param(member).query(Integer.class).single();
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("(no redirect: " + response.statusCode() + ")");
	}

	private static String sha256(String token) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
	}

}
