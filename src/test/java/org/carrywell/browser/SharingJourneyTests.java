package org.carrywell.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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
 * Sharing in Chromium, every page through the quality gates: she makes a link on her phone; her physiotherapist
 * opens it on a desktop, leaves an exercise out with a reason and leaves a note; she sees both in her plan, and
 * the exercise gone from it; she ends the link, and it answers 410.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SharingJourneyTests extends BrowserTest {

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
	void herPhysioChangesHerPlanThroughALinkSheThenEnds() throws Exception {
		var member = new Inbox(smtp).newMemberWithPlan(port, jdbc, PASSWORD, Inbox.week24Profile(LocalDate.now()));
		var api = member.visitor();
		api.json("PUT", "/api/v1/me/diary/" + LocalDate.now().minusDays(1), "{\"pain\":{\"LOWER_BACK\":6}}");

		// She makes the link on her phone.
		Page phone = browser.phone();
		PageGates her = PageGates.attach(phone, base());
		phone.navigate(base() + "/account/sign-in");
		phone.getByLabel("E-mail address").fill(member.email());
		phone.getByLabel("Password").fill(PASSWORD);
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		assertThat(phone).hasURL(Pattern.compile(".*/account$"));
		phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Share with the people who care for you")).click();
		check(her, phone, "sharing-empty", "phone");
		phone.getByLabel("Who is it for?").fill("Physio Ben");
		phone.getByLabel("See them, and change my plan or leave me a note").check();
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make the link")).click();
		String link = phone.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Link").setExact(true)).inputValue();
		assertThat(link).contains("/shared/");
		check(her, phone, "sharing-created", "phone");
		String path = link.replaceFirst("^https?://[^/]+", "");

		// Her physiotherapist opens it on a desktop and leaves an exercise out, with a reason, then a note.
		Page desktop = browser.desktop();
		PageGates physio = PageGates.attach(desktop, base());
		desktop.navigate(base() + path);
		check(physio, desktop, "shared-door", "desktop");
		desktop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open it")).click();
		assertThat(desktop.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Her plan and progress"))).isVisible();
		check(physio, desktop, "shared-view", "desktop");
		Locator exclude = desktop.locator("#exclude-exercise");
		String excluded = desktop.locator("#exclude-exercise optgroup").first().locator("option").first().getAttribute("value");
		String excludedName = desktop.locator("#exclude-exercise optgroup").first().locator("option").first().innerText();
		exclude.selectOption(excluded);
		desktop.getByLabel("Your reason (she reads it)").fill("Not while your back is this sore; we will add it back later.");
		desktop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Leave it out")).click();
		assertThat(desktop.getByText("Saved. The exercise is out of her plan, with your reason.")).isVisible();
		desktop.getByLabel("Your note").fill("Good work this week. Keep the walks going.");
		desktop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Leave the note")).click();
		assertThat(desktop.getByText("Saved. She will see your note with her plan.")).isVisible();
		check(physio, desktop, "shared-changed", "desktop");

		// She sees the note and the reason, and the exercise is gone from her sessions.
		phone.navigate(base() + "/plan/mine");
		Locator advice = phone.locator("section.advice");
		assertThat(advice).containsText("Physio Ben left out " + excludedName);
		assertThat(advice).containsText("Not while your back is this sore");
		assertThat(advice).containsText("Good work this week. Keep the walks going.");
		assertThat(phone.locator("ol.sessions a[href='/exercises/" + excluded + "']")).hasCount(0);
		check(her, phone, "plan-advised", "phone");

		// She ends the link; it answers 410 and says so.
		phone.navigate(base() + "/sharing");
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End the link for Physio Ben")).click();
		assertThat(phone.getByText("The link has ended.")).isVisible();
		check(her, phone, "sharing-ended", "phone");
		var gone = desktop.navigate(base() + path);
		assertThat(gone.status()).isEqualTo(410);
		assertThat(desktop.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("This link no longer works")))
			.isVisible();
		desktop.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("sharing-link-ended-desktop")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM provider_adjustment WHERE member_id = ?").param(member.id())
			.query(Integer.class).single()).isEqualTo(2);
		assertThat(NuHtmlChecker.errors(visited)).isEmpty();
	}

	private void check(PageGates gates, Page page, String name, String device) {
		var report = gates.check("sharing-" + name);
		visited.add(report.html());
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("sharing-" + name + "-" + device))
			.setFullPage(true));
	}

}
