package org.carrywell.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/** The exercise library in a real browser: filtering with and without JavaScript, and an exercise's page. */
class LibraryJourneyTests extends BrowserTest {

	@Test
	void filtersInPlaceWithHtmxAndKeepsTheUrlShareable() {
		Page page = browser.phone();
		List<String> requests = recordRequests(page);
		List<String> errors = recordConsoleErrors(page);
		page.navigate(base() + "/exercises");
		int all = page.locator(".card").count();
		assertThat(all).isGreaterThan(3);

		page.getByText("Filter exercises").click();
		page.getByLabel("Lower back").check();
		page.waitForURL(Pattern.compile(".*area=LOWER_BACK.*"));
		page.getByLabel("3rd trimester").check();
		page.waitForURL(Pattern.compile(".*trimester=3.*"));
		assertThat(page.locator(".results__count")).containsText("match");

		int filtered = page.locator(".card").count();
		assertThat(filtered).isBetween(1, all);
		assertThat(page.locator("#results-status")).containsText("match");
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("library-phone-filtered")).setFullPage(true));

		// The URL alone reproduces the same list: it can be shared or bookmarked.
		String url = page.url();
		Page shared = browser.desktop();
		shared.navigate(url);
		assertThat(shared.locator(".card").count()).isEqualTo(filtered);
		shared.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("library-desktop-filtered")));

		assertThat(requests).allSatisfy(request -> assertThat(request).startsWith(base()));
		assertThat(errors).isEmpty();
	}

	@Test
	void filtersWithoutJavaScriptToo() {
		Page page = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setJavaScriptEnabled(false))
			.newPage();
		page.navigate(base() + "/exercises");
		page.getByText("Filter exercises").click();
		page.getByLabel("Sitting on a chair").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show exercises")).click();

		assertThat(page).hasURL(Pattern.compile(".*position=SEATED_CHAIR.*"));
		assertThat(page.locator(".card").first()).containsText("Sitting on a chair");
		page.locator(".card").all().forEach(card -> assertThat(card).containsText("Sitting on a chair"));
	}

	@Test
	void opensAnExerciseAndItsVariants() {
		Page page = browser.desktop();
		page.navigate(base() + "/exercises");
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("library-desktop")));
		page.locator(".card a", new Page.LocatorOptions().setHasText("Pelvic tilt at the wall")).click();

		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Pelvic tilt at the wall");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Stop this exercise if"))).isVisible();
		assertThat(page.locator("ol.steps li").count()).isBetween(4, 8);
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("exercise-desktop")).setFullPage(true));
	}

	@Test
	void theHomePageOnAPhone() {
		Page page = browser.phone();
		page.navigate(base() + "/");
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("home-phone")).setFullPage(true));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lower back")).click();
		assertThat(page).hasURL(Pattern.compile(".*/exercises\\?area=LOWER_BACK"));
		assertThat(page.locator(".card").first()).isVisible();
	}

	private static List<String> recordRequests(Page page) {
		var urls = new ArrayList<String>();
		page.onRequest(request -> urls.add(request.url()));
		return urls;
	}

	private static List<String> recordConsoleErrors(Page page) {
		var errors = new ArrayList<String>();
		page.onConsoleMessage(message -> {
			if ("error".equals(message.type())) {
				errors.add(message.text());
			}
		});
		page.onPageError(errors::add);
		return errors;
	}

}
