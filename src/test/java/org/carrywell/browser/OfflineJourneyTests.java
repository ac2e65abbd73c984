package org.carrywell.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.carrywell.accounts.Inbox;
import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.PreSessionCheck;
import org.carrywell.safety.PreSessionQuestion;
import org.carrywell.safety.Symptom;
import org.carrywell.safety.WarningSignResult;
import org.carrywell.safety.WarningSigns;

/**
 * Carrywell with no network (docs/offline.md), in Chromium: it installs; the device gives exactly the engine's
 * answers; she opens this week's plan online, loses the network, reloads, plays a whole session, stops one, checks
 * her warning signs and reaches the emergency advice; back online, a member's result is stored once. Every page
 * shown offline goes through the quality gates.
 */
class OfflineJourneyTests extends BrowserTest {

	static final String PASSWORD = "a lantern in the cellar";

	/** A visitor's plan for week 24, its clock sped up sixty times (tests only) so that a session is seconds. */
	private static final String PLAN = "/plan/week?weeks=24&asOf=%s&pain.LOWER_BACK=5&minutes=10&sessions=3"
			+ "&equipment=CHAIR&floor=no&HEART_DISEASE=no&speed=60";

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		Inbox.mailServer(registry, smtp);
	}

	@Autowired
	JdbcClient jdbc;

	@Test
	void chromiumFindsNothingThatKeepsItFromInstallingTheApp() throws Exception {
		Path profile = Files.createTempDirectory("carrywell-profile");
		try (BrowserContext phone = browser.persistentContext(profile)) {
			Page page = phone.pages().isEmpty() ? phone.newPage() : phone.pages().get(0);
			page.navigate(base() + "/");
			page.waitForFunction("() => navigator.serviceWorker.ready.then(() => true)");
			var devTools = phone.newCDPSession(page);
			JsonObject manifest = devTools.send("Page.getAppManifest");
			assertThat(manifest.getAsJsonArray("errors")).as("manifest errors").isEmpty();
			assertThat(manifest.get("url").getAsString()).endsWith("/manifest.webmanifest");
			JsonObject installability = devTools.send("Page.getInstallabilityErrors");
			assertThat(installability.getAsJsonArray("installabilityErrors")).as("installability errors").isEmpty();
			assertThat(manifest.get("data").getAsString()).contains("\"maskable\"", "\"standalone\"");
		}
	}

	/**
	 * The rules on the device are the engine's: every sign alone at every week and at an unknown week, a few
	 * hundred random combinations, every way of answering the check before a session at every pain, and every
	 * pain before and after.
	 */
	@Test
	void theDeviceGivesExactlyTheEnginesAnswers() {
		Page page = browser.phone();
		page.navigate(base() + "/warning-signs/offline");
		var cases = new ArrayList<Map<String, Object>>();
		var expected = new ArrayList<String>();
		List<Integer> weeks = new ArrayList<>();
		weeks.add(null);
		for (int week = 0; week <= GestationalAge.MAX_WEEKS; week++) {
			weeks.add(week);
		}
		for (Symptom symptom : Symptom.values()) {
			for (Integer week : weeks) {
				cases.add(warningCase(List.of(symptom), week));
				expected.add(engine(List.of(symptom), week));
			}
		}
		var random = new Random(20261201);
		for (int i = 0; i < 400; i++) {
			var symptoms = new ArrayList<Symptom>();
			int count = random.nextInt(6);
			for (int j = 0; j < count; j++) {
				symptoms.add(Symptom.values()[random.nextInt(Symptom.values().length)]);
			}
			Integer week = weeks.get(random.nextInt(weeks.size()));
			cases.add(warningCase(symptoms, week));
			expected.add(engine(symptoms, week));
		}
		@SuppressWarnings("unchecked")
		List<String> answers = (List<String>) page.evaluate("""
				async (cases) => {
				  const rules = await import('/js/safety/rules.js');
				  const table = rules.readTable(document);
				  return cases.map(({ symptoms, weeks }) => {
				    const r = rules.assess(table, symptoms, weeks);
				    return [r.urgency, r.advice, r.stopsExercise, r.findings.map(f => f.symptom + ':' + f.urgency).join(',')].join('|');
				  });
				}""", cases);
		assertThat(answers).hasSize(expected.size());
		for (int i = 0; i < expected.size(); i++) {
			assertThat(answers.get(i)).as("the device's answer to %s", cases.get(i)).isEqualTo(expected.get(i));
		}

		var preSessionCases = new ArrayList<Map<String, Object>>();
		var preSessionExpected = new ArrayList<String>();
		int questions = PreSessionQuestion.values().length;
		for (int combination = 0; combination < Math.pow(3, questions); combination++) {
			var answersByQuestion = new EnumMap<PreSessionQuestion, Boolean>(PreSessionQuestion.class);
			var asJson = new LinkedHashMap<String, Object>();
			int rest = combination;
			for (PreSessionQuestion question : PreSessionQuestion.values()) {
				int answer = rest % 3;
				rest /= 3;
				if (answer < 2) {
					answersByQuestion.put(question, answer == 1);
					asJson.put(question.name(), answer == 1);
				}
			}
			for (int pain = 0; pain <= 10; pain++) {
				preSessionCases.add(Map.of("answers", asJson, "pain", pain));
				var result = PreSessionCheck.assess(answersByQuestion, pain);
				preSessionExpected.add(String.join("|", result.outcome().name(),
						String.join(",", result.unanswered().stream().map(Enum::name).toList()),
						String.join(",", result.offered().stream().map(Enum::name).toList()),
						String.valueOf(result.strongPain())));
			}
		}
		for (int before = 0; before <= 10; before++) {
			for (int after = 0; after <= 10; after++) {
				preSessionCases.add(Map.of("before", before, "after", after));
				preSessionExpected.add(String.valueOf(PreSessionCheck.painRoseEnough(before, after)));
			}
		}
		@SuppressWarnings("unchecked")
		List<String> preSessionAnswers = (List<String>) page.evaluate("""
				async (cases) => {
				  const rules = await import('/js/safety/rules.js');
				  const table = rules.readTable(document);
				  return cases.map((c) => {
				    if (c.answers === undefined) {
				      return String(rules.painRoseEnough(table, c.before, c.after));
				    }
				    const r = rules.preSession(table, c.answers, c.pain);
				    return [r.outcome, r.unanswered.join(','), r.offered.join(','), r.strongPain].join('|');
				  });
				}""", preSessionCases);
		assertThat(preSessionAnswers).isEqualTo(preSessionExpected);
		assertThat(preSessionCases).hasSize(2187 * 11 + 121);
	}

	@Test
	void aVisitorPlaysHerSessionStopsOneAndReachesTheEmergencyAdviceWithNoNetwork() {
		BrowserContext phone = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
			.setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
		Page page = phone.newPage();
		PageGates gates = PageGates.attachOffline(page, base());
		page.navigate(base() + PLAN.formatted(LocalDate.now()));
		assertThat(page.locator("html")).hasAttribute("data-offline-week", "kept", keptInTime());
		assertThat(page.locator(".offline-state").first()).isVisible();
		assertThat(page.locator("#offline-week")).hasText("This week’s sessions are on this phone: they work without the internet.");

		phone.setOffline(true);
		page.reload();
		assertThat(page.locator("#offline-banner")).isVisible();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Your week");
		gates.check("offline-plan-week");
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("offline-plan-week-phone")).setFullPage(true));

		// A whole session, every step timed on the device.
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start this session")).first().click();
		assertThat(page.locator("#before")).isVisible();
		assertThat(page.locator("#offline-until")).containsText("until");
		gates.check("offline-session-before");
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("offline-session-before-phone")).setFullPage(true));
		answerAndStart(page, "3");
		assertThat(page.locator("#player")).isVisible();
		assertThat(page.locator("#player-figure svg").first()).isVisible();
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("offline-session-player-phone")));
		assertThat(page.locator("#after")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
		page.getByLabel("How much does it hurt now?").selectOption("2");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and see my summary")).click();
		assertThat(page.locator("#summary-pain")).hasText("Pain before and after: 3 → 2");
		assertThat((String) page.evaluate("localStorage.getItem('carrywell.sessions')")).contains("\"painAfter\":2");
		gates.check("offline-session-summary");
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("offline-session-summary-phone")).setFullPage(true));

		// Another session, stopped: the warning-sign check, then the emergency advice, all on the device.
		page.goBack();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start this session")).nth(1).click();
		answerAndStart(page, "4");
		assertThat(page.locator("#player")).isVisible();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Stop — something feels wrong")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Something doesn’t feel right?");
		assertThat(page.getByLabel("How many weeks pregnant are you? (optional)")).hasValue("24");
		gates.check("offline-warning-signs");
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("offline-warning-signs-phone")).setFullPage(true));
		page.getByLabel("A sudden gush of fluid from the vagina").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("What should I do?")).click();
		assertThat(page).hasURL(Pattern.compile(".*/warning-signs/result\\?.*symptom=FLUID_GUSH.*"));
		assertThat(page.locator("#result-emergency")).isVisible();
		assertThat(page.locator("[data-advice]")).hasAttribute("data-advice", "EMERGENCY");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Call for help now");
		assertThat(page.locator("[data-symptom=FLUID_GUSH]")).isVisible();
		assertThat(page.locator("#continue-session")).isHidden();
		gates.check("offline-emergency");
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("offline-emergency-phone")).setFullPage(true));

		// The next session waits, on the device, until she has spoken to her provider.
		page.navigate(base() + PLAN.formatted(LocalDate.now()));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start this session")).first().click();
		assertThat(page.locator("#contact-gate")).isVisible();

		// Back online, the server closes its own gate too: no session starts there either until she confirms.
		phone.setOffline(false);
		page.navigate(base() + "/session?exercise=cat-cow-seated&weeks=24&floor=no&equipment=CHAIR");
		assertThat(page.locator("#contact-gate")).isVisible();
		phone.close();
	}

	@Test
	void aMembersResultMadeOfflineIsStoredOnceWhenTheNetworkIsBackAndHerPagesGoWhenSheSignsOut() throws Exception {
		var member = new Inbox(smtp).newMemberWithPlan(port, jdbc, PASSWORD, Inbox.week24Profile(LocalDate.now()));
		BrowserContext phone = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
			.setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
		Page page = phone.newPage();
		PageGates gates = PageGates.attachOffline(page, base());
		page.navigate(base() + "/account/sign-in");
		page.getByLabel("E-mail address").fill(member.email());
		page.getByLabel("Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		assertThat(page).hasURL(Pattern.compile(".*/account$"));
		page.navigate(base() + "/plan/mine");
		assertThat(page.locator("html")).hasAttribute("data-offline-week", "kept", keptInTime());
		// Online, after her sessions were kept, a warning sign that stops exercise: the copies must know.
		page.navigate(base() + "/warning-signs/result?symptom=HEADACHE&weeks=24");
		assertThat(page.locator("[data-advice]")).hasAttribute("data-advice", "CALL_PROVIDER_NOW");

		phone.setOffline(true);
		page.navigate(base() + "/plan/mine");
		assertThat(page.locator("#offline-banner")).isVisible();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start this session")).first().click();
		assertThat(page.locator("#contact-gate")).isVisible();
		page.getByLabel("How much does it hurt right now?").selectOption("5");
		page.locator("fieldset.question").all().forEach(question -> question.getByLabel("No").check());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the session")).click();
		assertThat(page.locator("#before-gate-required")).isVisible();
		assertThat(page.locator("#player")).isHidden();
		page.getByLabel("I have spoken to my midwife, doctor or maternity unit since then").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the session")).click();
		assertThat(page.locator("#player")).isVisible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Finish now")).click();
		page.getByLabel("How much does it hurt now?").selectOption("3");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and see my summary")).click();
		assertThat(page.locator("#summary-sync")).hasText("Kept on this device: it goes to your account as soon as you are online.");
		gates.check("offline-member-summary");
		assertThat(stored(member.id())).isZero();

		// Anything that needs the network says so, instead of failing.
		page.navigate(base() + "/account");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("You are offline");
		gates.check("offline-page");

		// Back online: Background Sync sends it from the service worker, with no page of hers sending (the offline
		// page carries no member script); a page load of hers after that finds nothing left to send.
		phone.setOffline(false);
		page.navigate(base() + "/offline");
		assertThat(page.locator("#csrf-token")).hasCount(0);
		page.evaluate("async () => (await navigator.serviceWorker.ready).sync.register('carrywell-results')");
		waitFor("the result sent by Background Sync", () -> stored(member.id()) == 1);
		page.navigate(base() + "/progress");
		page.waitForFunction("() => navigator.serviceWorker.ready.then(() => true)");
		page.reload();
		assertThat(stored(member.id())).isEqualTo(1);

		// Signing out deletes her pages from the device.
		String key = page.locator("#csrf-token").getAttribute("data-member");
		assertThat((Boolean) page.evaluate("k => caches.has('carrywell-her-' + k)", key)).isTrue();
		page.navigate(base() + "/account");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out").setExact(true)).click();
		page.waitForFunction("k => caches.has('carrywell-her-' + k).then(has => !has)", key);
		phone.close();
	}

	private static void answerAndStart(Page page, String pain) {
		page.getByLabel("How much does it hurt right now?").selectOption(pain);
		page.locator("fieldset.question").all().forEach(question -> question.getByLabel("No").check());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the session")).click();
	}

	private static LocatorAssertions.HasAttributeOptions keptInTime() {
		return new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);
	}

	private int stored(java.util.UUID member) {
		return jdbc.sql("SELECT COUNT(*) FROM session_result WHERE member_id = ?").param(member).query(Integer.class).single();
	}

	private static void waitFor(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
		long until = System.currentTimeMillis() + 20_000;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > until) {
				throw new AssertionError("Still waiting after 20 seconds for " + what);
			}
			Thread.sleep(200);
		}
	}

	private static Map<String, Object> warningCase(List<Symptom> symptoms, Integer week) {
		var one = new LinkedHashMap<String, Object>();
		one.put("symptoms", symptoms.stream().map(Enum::name).toList());
		one.put("weeks", week);
		return one;
	}

	private static String engine(List<Symptom> symptoms, Integer week) {
		WarningSignResult result = WarningSigns.assess(symptoms, week == null ? null : GestationalAge.ofWeeks(week));
		return String.join("|", result.urgency().name(), result.advice().name(), String.valueOf(result.stopsExercise()),
				String.join(",", result.findings().stream().map(f -> f.symptom() + ":" + f.urgency()).toList()));
	}

}
