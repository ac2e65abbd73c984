package org.carrywell.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ReducedMotion;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import org.carrywell.newsletter.Mails;

/**
 * The main journeys on a phone and on a desktop, with every page they visit put through the quality gates
 * ({@link PageGates}: accessibility, own origin only, weight, console) and screenshotted to
 * {@code target/screenshots/}; at the end the Nu HTML checker validates every page visited.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1",
		"spring.mail.properties.mail.smtp.starttls.required=false", "spring.mail.properties.mail.smtp.starttls.enable=false",
		"carrywell.newsletter.editor.password=" + QualityGatesTests.EDITOR_PASSWORD })
class QualityGatesTests extends BrowserTest {

	static final String EDITOR_PASSWORD = "quality gates editor password";

	private static final String ALL_NO = "&HEART_DISEASE=no&ANAEMIA=no&OTHER_CONCERN=no";

	/** Every page checked, for the Nu HTML checker at the end. */
	private static final List<Path> visited = new CopyOnWriteArrayList<>();

	/** Each page's weight, written to target/screenshots/page-weights.txt at the end. */
	private static final List<String> weights = new CopyOnWriteArrayList<>();

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	enum Viewport {

		PHONE(390, 844, true), DESKTOP(1280, 900, false);

		final int width;

		final int height;

		final boolean mobile;

		Viewport(int width, int height, boolean mobile) {
			this.width = width;
			this.height = height;
			this.mobile = mobile;
		}

	}

	/** A page in a new browser context of that size, watched by the gates. */
	private record Visit(Page page, PageGates gates, Viewport viewport) {

		void check(String name, String... expectedConsoleErrors) {
			String fullName = name + "-" + viewport.name().toLowerCase();
			var report = gates.check(fullName, expectedConsoleErrors);
			visited.add(report.html());
			weights.add("%-32s %7d bytes  %6d of them script".formatted(fullName, report.bytes(), report.scriptBytes()));
			page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot(fullName)).setFullPage(true));
		}

	}

	private Visit open(Viewport viewport) {
		Page page = browser.newContext(new NewContextOptions().setViewportSize(viewport.width, viewport.height)
			.setIsMobile(viewport.mobile)
			.setHasTouch(viewport.mobile)).newPage();
		return new Visit(page, PageGates.attach(page, base()), viewport);
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	@Order(1)
	void checkAndPlan(Viewport viewport) throws Exception {
		Visit visit = open(viewport);
		Page page = visit.page();
		page.navigate(base() + "/");
		visit.check("home");
		page.navigate(base() + "/plan");
		visit.check("plan-start");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start with the safety check")).click();
		visit.check("check");
		page.getByLabel("How many weeks pregnant are you?").fill("24");
		page.locator("fieldset.question").all().forEach(question -> question.getByLabel("No").check());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("See my result")).click();
		visit.check("check-result");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Build my weekly plan")).click();
		visit.check("plan-form");
		page.locator("#pain-LOWER_BACK").fill("6");
		page.getByLabel("Sessions per week").selectOption("4");
		page.locator("input[name=activity][value=ACTIVE]").check();
		page.getByLabel("Sturdy chair").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Build my week")).click();
		assertThat(page.locator("li.session")).hasCount(4);
		visit.check("plan-week");

		var download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Download calendar file")).click());
		assertThat(Files.readString(download.path())).startsWith("BEGIN:VCALENDAR").contains("BEGIN:VEVENT");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Print for the fridge")).click();
		visit.check("plan-print");
		page.navigate(base() + "/check/sheet?weeks=24&ANAEMIA=yes");
		visit.check("check-sheet");
		page.navigate(base() + "/no-such-page");
		visit.check("not-found", "Failed to load resource: the server responded with a status of 404 ()");
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	@Order(1)
	void guidedSessionUntilStop(Viewport viewport) {
		Visit visit = open(viewport);
		Page page = visit.page();
		page.navigate(base() + "/session?weeks=24&pain.LOWER_BACK=5&minutes=10&sessions=3&equipment=CHAIR&floor=no&day=1"
				+ ALL_NO + "&speed=20");
		visit.check("session-before");
		page.getByLabel("How much does it hurt right now?").selectOption("4");
		page.locator("fieldset.question").all().forEach(question -> question.getByLabel("No").check());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the session")).click();
		assertThat(page.locator("#player")).isVisible();
		// The current exercise's drawing is on the stage, its loop driven by the session clock.
		assertThat(page.locator("#player-figure .illustration__animation svg")).isVisible();
		// The first in-breath holds the figure still, so the clock is given a few moments to move it.
		double first = figureTime(page);
		double later = first;
		for (int wait = 0; wait < 20 && later == first; wait++) {
			page.waitForTimeout(200);
			later = figureTime(page);
		}
		assertThat(later).isNotEqualTo(first);
		visit.check("session-player");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skip")).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skip")).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Stop — something feels wrong")).click();
		assertThat(page).hasURL(Pattern.compile(".*/warning-signs.*"));
		visit.check("warning-signs");
		page.getByLabel("A headache", new Page.GetByLabelOptions().setExact(true)).check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("What should I do?")).click();
		visit.check("warning-signs-result");
	}

	/**
	 * One exercise from the library: the page that asks her context first, the page that refuses an exercise the
	 * engine forbids her (with its safer variants), and the warning-sign check reached from a yes before a session,
	 * with nothing ticked.
	 */
	@ParameterizedTest
	@EnumSource(Viewport.class)
	@Order(1)
	void aLibrarySessionAsksFirstAndRefusesWhatIsNotForHer(Viewport viewport) {
		Visit visit = open(viewport);
		Page page = visit.page();
		page.navigate(base() + "/exercises/glute-bridge");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Do it now, step by step")).click();
		visit.check("session-setup");
		page.getByLabel("How many weeks pregnant are you?").fill("30");
		page.locator("input[name=floor][value=yes]").check();
		page.getByLabel("Mat").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Go on")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("This exercise is not for you today");
		assertThat(page.locator("[data-rule=NO_SUPINE_FROM_WEEK_16]")).isVisible();
		visit.check("session-not-for-her");
		page.locator(".alternatives a").first().click();
		visit.check("session-before-library");
		page.getByLabel("How much does it hurt right now?").selectOption("3");
		page.locator("fieldset.question").all().forEach(question -> question.getByLabel("No").check());
		page.locator("input[name='before.HEAD_EYES_OR_SWELLING'][value=yes]").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the session")).click();
		assertThat(page.locator("#offered")).isVisible();
		visit.check("warning-signs-offered");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("What should I do?")).click();
		assertThat(page.locator("#nothing-ticked")).isVisible();
		visit.check("warning-signs-nothing-ticked");
	}

	private static double figureTime(Page page) {
		return ((Number) page.evaluate("document.querySelector('#player-figure .illustration__animation svg').getCurrentTime()"))
			.doubleValue();
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	@Order(1)
	void libraryFilterAndDetail(Viewport viewport) {
		Visit visit = open(viewport);
		Page page = visit.page();
		page.navigate(base() + "/exercises");
		visit.check("library");
		page.getByText("Filter exercises").click();
		page.getByLabel("Lower back").check();
		page.waitForURL(Pattern.compile(".*area=LOWER_BACK.*"));
		assertThat(page.locator("#results-status")).containsText("match");
		visit.check("library-filtered");
		page.locator(".card a").first().click();
		assertThat(page.locator("ol.steps li").first()).isVisible();
		visit.check("exercise");
	}

	/**
	 * The contact sheet of every drawing, photographed whole to {@code target/illustrations/} for review; an
	 * exercise's drawing with motion turned off shows its keyframes instead of the animation.
	 */
	@ParameterizedTest
	@EnumSource(Viewport.class)
	@Order(1)
	void illustrations(Viewport viewport) throws Exception {
		Visit visit = open(viewport);
		Page page = visit.page();
		page.navigate(base() + "/exercises/illustrations");
		assertThat(page.locator(".contact-sheet__item")).hasCount(55);
		visit.check("illustrations");
		Path sheet = Path.of("target", "illustrations", "contact-sheet-" + viewport.name().toLowerCase() + ".png");
		Files.createDirectories(sheet.getParent());
		page.screenshot(new Page.ScreenshotOptions().setPath(sheet).setFullPage(true));

		Page still = browser.newContext(new NewContextOptions().setViewportSize(viewport.width, viewport.height)
			.setReducedMotion(ReducedMotion.REDUCE)).newPage();
		still.navigate(base() + "/exercises/cat-cow-all-fours");
		assertThat(still.locator(".illustration--motion .illustration__frames svg")).isVisible();
		assertThat(still.locator(".illustration--motion .illustration__animation svg")).isHidden();
		still.context().close();
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	@Order(1)
	void learn(Viewport viewport) {
		Visit visit = open(viewport);
		Page page = visit.page();
		page.navigate(base() + "/learn");
		visit.check("learn");
		page.locator(".card a").first().click();
		assertThat(page.locator("article h1")).isVisible();
		visit.check("learn-article");
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	@Order(1)
	void newsletterSignUpConfirmAndLeave(Viewport viewport) throws Exception {
		smtp.purgeEmailFromAllMailboxes();
		Visit visit = open(viewport);
		Page page = visit.page();
		page.navigate(base() + "/newsletter");
		visit.check("newsletter");
		String address = viewport.name().toLowerCase() + "@example.org";
		page.getByLabel("Your e-mail address").fill(address);
		page.getByLabel("Workout ideas").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign up")).click();
		assertThat(page).hasURL(Pattern.compile(".*/newsletter/check-your-inbox"));
		visit.check("newsletter-inbox");

		assertThat(smtp.waitForIncomingEmail(5_000, 1)).as("the confirmation e-mail arrives").isTrue();
		String confirm = Mails.link(smtp.getReceivedMessages()[0], "/newsletter/confirm");
		page.navigate(base() + confirm);
		visit.check("newsletter-confirm");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, confirm my sign-up")).click();
		assertThat(page.getByText("your subscription is confirmed")).isVisible();
		visit.check("newsletter-preferences");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unsubscribe from all e-mails")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("You are unsubscribed");
		visit.check("newsletter-unsubscribed");
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	@Order(1)
	void newsletterEditor(Viewport viewport) {
		Visit visit = open(viewport);
		Page page = visit.page();
		page.navigate(base() + "/admin/login");
		visit.check("admin-login");
		page.getByLabel("User name").fill("editor");
		page.getByLabel("Password").fill(EDITOR_PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		visit.check("admin-newsletter");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Write a new issue")).click();
		visit.check("admin-issue-new");
		page.getByLabel("Subject").fill("Stretches for the evening");
		page.getByLabel("Gear reviews").check();
		page.getByLabel("Text (Markdown)").fill("## Three stretches\n\n- Cat-cow\n- Side bend\n- Child's pose on pillows");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft and preview")).click();
		assertThat(page.locator(".prose h2")).hasText("Three stretches");
		visit.check("admin-issue");
	}

	@Test
	@Order(2)
	void everyVisitedPageIsValidHtml() throws Exception {
		assertThat(visited).as("pages visited by the journeys").hasSizeGreaterThan(20);
		Files.write(Path.of("target", "screenshots", "page-weights.txt"), weights.stream().sorted().toList());
		assertThat(NuHtmlChecker.errors(visited.stream().distinct().sorted().toList())).isEmpty();
	}

}
