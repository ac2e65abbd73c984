package org.carrywell.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.carrywell.accounts.Inbox;

/**
 * The adaptive loop in Chromium on a phone, every page through the quality gates: she signs in, writes today's
 * diary in two taps from the home page, does a session with the network off, and the result waits on the phone;
 * back online, it reaches her account exactly once; her plan, made again, shows what changed and why; "is it
 * helping?" counts the session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProgressJourneyTests extends BrowserTest {

	static final String PASSWORD = "a walk by the river in spring";

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		Inbox.mailServer(registry, smtp);
	}

	@Autowired
	JdbcClient jdbc;

	private final List<Path> visited = new ArrayList<>();

	@Test
	void anOfflineSessionReachesHerAccountOnceAndHerNextPlanLearnsFromIt() throws Exception {
		// Her account, profile and kept check, made through the API; an earlier session today felt too easy.
		var member = new Inbox(smtp).newMemberWithPlan(port, jdbc, PASSWORD, "{\"dueDate\":\"" + LocalDate.now().plusWeeks(14)
				+ "\",\"pain\":{\"LOWER_BACK\":5},\"priorActivity\":\"SOME\",\"equipment\":[\"CHAIR\",\"WALL\"],"
				+ "\"floor\":false,\"minutes\":10,\"sessionsPerWeek\":3}");
		var api = member.visitor();

		Page page = browser.phone();
		PageGates gates = PageGates.attach(page, base());
		page.navigate(base() + "/account/sign-in");
		page.getByLabel("E-mail address").fill(member.email());
		page.getByLabel("Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/account$"));

		// Two taps on the home page: a number, then save.
		page.navigate(base() + "/");
		check(gates, page, "home-member");
		page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Lower back"))
			.getByRole(AriaRole.RADIO, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("4").setExact(true))
			.check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page.getByText("Saved. Thank you.")).isVisible();
		check(gates, page, "diary");
		assertThat(rows("pain_diary", member.id())).isEqualTo(1);

		// Her plan, and its first session, loaded while online.
		page.navigate(base() + "/plan/mine");
		check(gates, page, "plan-mine");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start this session")).first().click();
		page.getByLabel("How much does it hurt right now?").selectOption("4");
		page.locator("fieldset.question").all().forEach(question -> question.getByLabel("No").check());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the session")).click();
		assertThat(page.locator("#player")).isVisible();
		check(gates, page, "player");
		List<String> exercises = page.locator("#player-figures [data-exercise]").all().stream()
			.map(figure -> figure.getAttribute("data-exercise"))
			.toList();
		String done = "[\"" + String.join("\",\"", exercises.isEmpty() ? List.of("x") : exercises) + "\"]";
		api.json("POST", "/api/v1/me/sessions", "[{\"id\":\"" + UUID.randomUUID() + "\",\"startedAt\":\""
				+ java.time.Instant.now().minusSeconds(3600) + "\",\"endedAt\":\"" + java.time.Instant.now().minusSeconds(3000)
				+ "\",\"day\":1,\"painBefore\":4,\"painAfter\":4,\"felt\":\"TOO_EASY\",\"secondsDone\":600,"
				+ "\"exercisesDone\":" + done + "}]");
		assertThat(rows("session_result", member.id())).isEqualTo(1);

		// The network goes; she finishes and says how it went.
		page.context().setOffline(true);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Finish now")).click();
		page.getByLabel("How much does it hurt now?").selectOption("4");
		page.getByLabel("Too easy").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and see my summary")).click();
		assertThat(page.locator("#summary-sync")).hasText("Kept on this device: it goes to your account as soon as you are online.");
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("progress-offline-summary-phone")).setFullPage(true));
		assertThat(rows("session_result", member.id())).as("nothing reached the server offline").isEqualTo(1);
		String waiting = (String) page.evaluate(WAITING);
		assertThat(waiting).contains("\"painAfter\":4");
		assertThat(page.evaluate("localStorage.getItem('carrywell.sessions')")).as("a member's result stays out of the device's shared history").isNull();

		// Back online: it is sent by itself, once.
		page.context().setOffline(false);
		assertThat(page.locator("#summary-sync")).hasText("Saved in your account.",
				new LocatorAssertions.HasTextOptions().setTimeout(10_000));
		assertThat(rows("session_result", member.id())).isEqualTo(2);
		assertThat(page.evaluate(WAITING)).isEqualTo("[]");
		// A send repeated after a lost answer stores nothing twice: here the same result waits where earlier versions
		// kept it (localStorage), which a page load moves into the outbox and sends.
		page.evaluate("results => localStorage.setItem('carrywell.outbox.' + document.getElementById('csrf-token').dataset.member, results)",
				waiting);
		page.navigate(base() + "/progress/diary");
		page.waitForFunction("() => !Object.keys(localStorage).some(k => k.startsWith('carrywell.outbox.'))");
		page.waitForFunction("async () => (await import('/js/outbox.js')).waiting(document.getElementById('csrf-token').dataset.member).then(w => w.length === 0)");
		assertThat(rows("session_result", member.id())).as("exactly once").isEqualTo(2);

		// Her plan, made again from her latest sessions, says what changed and why.
		page.navigate(base() + "/plan/mine");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make my plan again from my latest sessions")).click();
		assertThat(page.getByText("Your plan was made again from your latest sessions.")).isVisible();
		assertThat(page.locator("ul.changes")).containsText("felt easy");
		check(gates, page, "plan-learned");

		// "Is it helping?" counts the session this week.
		page.navigate(base() + "/progress?weeks=4");
		check(gates, page, "helping");
		var thisWeek = page.locator("section[aria-labelledby=sessions] tbody tr").last();
		assertThat(thisWeek.locator("td").first()).hasText("2");
		assertThat(page.locator("svg.chart--sessions .chart__bars rect").last()).hasAttribute("height",
				java.util.regex.Pattern.compile("[1-9].*"));

		page.navigate(base() + "/progress/activity");
		check(gates, page, "activity");
		page.getByLabel("Walking").fill("30");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page.getByText("This week so far: 30 minutes over one day")).isVisible();
		page.navigate(base() + "/progress/reminders");
		check(gates, page, "reminders");
		assertThat(NuHtmlChecker.errors(visited)).isEmpty();
	}

	/** Her results waiting on this device (js/outbox.js, IndexedDB), as JSON. */
	private static final String WAITING = """
			async () => JSON.stringify(await (await import('/js/outbox.js'))
			  .waiting(document.getElementById('csrf-token').dataset.member))""";

	private void check(PageGates gates, Page page, String name) {
		var report = gates.check("progress-" + name);
		visited.add(report.html());
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("progress-" + name + "-phone"))
			.setFullPage(true));
	}

	private int rows(String table, UUID member) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE member_id = ?").param(member).query(Integer.class).single();
	}

}
