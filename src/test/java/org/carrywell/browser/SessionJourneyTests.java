package org.carrywell.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/** The guided session on a phone, with the clock sped up by the test parameter {@code speed}. */
class SessionJourneyTests extends BrowserTest {

	private void answerAndStart(Page page) {
		page.getByLabel("How much does it hurt right now?").selectOption("4");
		page.locator("fieldset.question").all().forEach(question -> question.getByLabel("No").check());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the session")).click();
	}

	@Test
	void playsAnExerciseStepByStepThenAsksHowItWentAndKeepsTheResultOnTheDevice() {
		Page page = browser.phone();
		var errors = new ArrayList<String>();
		page.onConsoleMessage(message -> {
			if ("error".equals(message.type())) {
				errors.add(message.text());
			}
		});
		page.navigate(base() + "/session?exercise=pelvic-tilt-wall&weeks=24&floor=no&equipment=WALL&speed=20");
		answerAndStart(page);

		assertThat(page.locator("#player-name")).hasText("Pelvic tilt at the wall");
		assertThat(page.locator("#player-label")).hasText(Pattern.compile("Set 1 of 2"));
		assertThat(page.locator("#player-rep")).containsText("of 8");
		assertThat(page.locator("#player-announce")).containsText("Pelvic tilt at the wall");
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("session-step-phone")));

		page.keyboard().press("Space");
		assertThat(page.locator("#player-pause")).hasText("Resume");
		page.keyboard().press("Space");
		assertThat(page.locator("#player-pause")).hasText("Pause");

		assertThat(page.locator("#player-label")).hasText("Rest", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(15_000));
		assertThat(page.locator("#player-breath")).isEmpty();
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("session-rest-phone")));

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Finish now")).click();
		page.getByLabel("How much does it hurt now?").selectOption("2");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and see my summary")).click();
		assertThat(page.locator("#summary-pain")).hasText("Pain before and after: 4 → 2");
		assertThat(page.locator("#summary-history li")).hasCount(1);
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("session-summary-phone")).setFullPage(true));
		assertThat((String) page.evaluate("localStorage.getItem('carrywell.sessions')")).contains("\"painAfter\":2");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Forget my data on this device")).click();
		assertThat(page.locator("#summary-forgotten")).isVisible();
		assertThat(page.evaluate("localStorage.getItem('carrywell.sessions')")).isNull();
		assertThat(errors).isEmpty();
	}

	@Test
	void theStopButtonEndsAPlanSessionAndOpensTheWarningSignCheck() {
		Page page = browser.phone();
		page.navigate(base() + "/plan/week?weeks=24&pain.LOWER_BACK=5&minutes=10&sessions=3&equipment=CHAIR&floor=no"
				+ "&HEART_DISEASE=no");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start this session")).first().click();
		answerAndStart(page);
		assertThat(page.locator("#player")).isVisible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skip")).click();

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Stop — something feels wrong")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Something doesn’t feel right?");
		assertThat(page).hasURL(Pattern.compile(".*/warning-signs\\?weeks=24"));
	}

	@Test
	void aYesForCalfPainOpensTheWarningSignCheckWithThatGroupAndTheResultIsWhatSheTicked() {
		Page page = browser.phone();
		page.navigate(base() + "/session?exercise=cat-cow-seated&weeks=30&floor=no&equipment=CHAIR");
		page.getByLabel("How much does it hurt right now?").selectOption("2");
		page.locator("fieldset.question").all().forEach(question -> question.getByLabel("No").check());
		page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(Pattern.compile("^Pain or swelling in a calf")))
			.getByLabel("Yes").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the session")).click();

		// The group's signs are offered, and none is ticked for her.
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Something doesn’t feel right?");
		var offered = page.locator("#offered");
		assertThat(offered).isVisible();
		assertThat(offered.getByLabel("Pain or swelling in a calf")).isVisible();
		assertThat(offered.getByLabel("Numbness or weakness in a leg")).isVisible();
		assertThat(page.locator("input[name=symptom]:checked")).hasCount(0);
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("session-offered-signs-phone")).setFullPage(true));

		offered.getByLabel("Pain or swelling in a calf").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("What should I do?")).click();
		assertThat(page).hasTitle(Pattern.compile("^Call your midwife, doctor or maternity unit now"));
		assertThat(page.locator("[data-symptom]")).hasCount(1);
		assertThat(page.locator("[data-symptom=CALF_PAIN_OR_SWELLING]")).isVisible();
		assertThat(page.locator("#continue-session")).hasCount(0);

		// The next session waits until she confirms she has spoken to her provider: a server-side gate.
		page.navigate(base() + "/session?exercise=cat-cow-seated&weeks=30&floor=no&equipment=CHAIR");
		assertThat(page.locator("#contact-gate")).isVisible();
		page.getByLabel("How much does it hurt right now?").selectOption("2");
		page.locator("fieldset.question").all().forEach(question -> question.getByLabel("No").check());
		page.getByLabel("I have spoken to my midwife, doctor or maternity unit since then").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the session")).click();
		assertThat(page.locator("#player")).isVisible();
	}

}
