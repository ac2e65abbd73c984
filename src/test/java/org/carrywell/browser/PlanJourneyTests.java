package org.carrywell.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/** Check and plan, end to end in Chromium on a phone: the check, the body map, the week, and its address. */
class PlanJourneyTests extends BrowserTest {

	@Test
	void fromTheCheckToAWeekWhoseAddressGivesTheSamePlan() {
		Page page = browser.phone();
		var errors = new ArrayList<String>();
		page.onConsoleMessage(message -> {
			if ("error".equals(message.type())) {
				errors.add(message.text());
			}
		});
		List<String> requests = new ArrayList<>();
		page.onRequest(request -> requests.add(request.url()));

		page.navigate(base() + "/plan");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start with the safety check")).click();
		page.getByLabel("How many weeks pregnant are you?").fill("24");
		page.locator("fieldset.question").all().forEach(question -> question.getByLabel("No").check());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("See my result")).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Build my weekly plan")).click();

		page.locator("#pain-LOWER_BACK").fill("6");
		assertThat(page.locator("output[for='pain-LOWER_BACK']")).hasText("6");
		assertThat(page.locator(".body-map .zone[data-zone='LOWER_BACK']")).hasAttribute("data-level", "3");
		page.getByLabel("Sessions per week").selectOption("4");
		page.locator("input[name=activity][value=ACTIVE]").check();
		page.getByLabel("Sturdy chair").check();
		page.getByLabel("Wall").check();
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("plan-form-phone")).setFullPage(true));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Build my week")).click();

		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Your week");
		assertThat(page.locator("li.session")).hasCount(4);
		// Once the week is kept on the device (each session then says "Available offline").
		assertThat(page.locator("html")).hasAttribute("data-offline-week", "kept");
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("plan-week-phone")).setFullPage(true));
		String week = page.locator("ol.sessions").innerText();

		Page again = browser.desktop();
		again.navigate(page.url());
		assertThat(again.locator("html")).hasAttribute("data-offline-week", "kept");
		assertThat(again.locator("ol.sessions").innerText()).isEqualTo(week);

		assertThat(requests).allSatisfy(url -> assertThat(url).startsWith(base()));
		assertThat(errors).isEmpty();
	}

	@Test
	void theWeekWorksWithoutJavaScript() {
		Page page = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setJavaScriptEnabled(false))
			.newPage();
		page.navigate(base() + "/check/result?weeks=30");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Build my weekly plan")).click();
		page.getByLabel("No, keep me off the floor").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Build my week")).click();

		assertThat(page.getByText("Talk to your provider before you start")).isVisible();
		assertThat(page.locator("li.session")).hasCount(3);
	}

}
