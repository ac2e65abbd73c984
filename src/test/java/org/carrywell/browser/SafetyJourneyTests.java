package org.carrywell.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/** The screening check and the warning-sign checker, in a real browser with JavaScript switched off. */
class SafetyJourneyTests extends BrowserTest {

	private Page phoneWithoutJavaScript() {
		return browser.newContext(new NewContextOptions().setViewportSize(390, 844).setJavaScriptEnabled(false)).newPage();
	}

	@Test
	void theCheckLeadsToAResultAndAPrintableSheet() {
		Page page = phoneWithoutJavaScript();
		page.navigate(base() + "/");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start with a quick safety check")).click();
		page.getByLabel("How many weeks pregnant are you?").fill("24");
		page.locator("fieldset.question").all().forEach(question -> question.getByLabel("No").check());
		page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Anaemia (low iron or blood count)"))
			.getByLabel("Yes")
			.check();
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("check-phone")).setFullPage(true));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("See my result")).click();

		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Talk to your provider before you start");
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("check-result-phone")).setFullPage(true));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Print a sheet for your provider")).click();
		assertThat(page.getByText("Weeks pregnant: 24")).isVisible();
		page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("check-sheet-print")).setFullPage(true));
		assertThat(page.locator(".site-header")).isHidden();
	}

	@Test
	void aBadWeekIsExplainedNextToTheField() {
		Page page = phoneWithoutJavaScript();
		page.navigate(base() + "/check");
		page.getByLabel("How many weeks pregnant are you?").fill("50");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("See my result")).click();
		assertThat(page.getByText("Please give a whole number of weeks from 0 to 42.")).isVisible();
		assertThat(page.getByLabel("How many weeks pregnant are you?")).hasAttribute("aria-invalid", "true");
	}

	@Test
	void anEmergencyIsUnmistakable() {
		Page page = phoneWithoutJavaScript();
		page.navigate(base() + "/exercises");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Something feels wrong?")).click();
		page.getByLabel("Chest pain").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("What should I do?")).click();

		assertThat(page).hasTitle(Pattern.compile("^Get help now"));
		var banner = page.getByRole(AriaRole.ALERT).first();
		assertThat(banner).containsText("Call your local emergency number or your maternity unit now");
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("warning-emergency-phone")).setFullPage(true));
	}

}
