package org.carrywell.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import com.google.gson.JsonObject;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.carrywell.accounts.Inbox;
import org.carrywell.newsletter.Mails;

/**
 * Accounts in Chromium on a phone, every page through the quality gates (axe, own origin, weight, console; Nu at
 * the end): register, verify from the e-mail, sign in with the password, keep the sessions this device held, fill
 * the profile, add a passkey (Chromium's virtual authenticator, through the DevTools protocol) and sign in with it,
 * export, reset a forgotten password, and erase; after erasing, signing in fails and no row about her remains.
 * <p>
 * Passkeys need a host name, not an address: the site runs on a fixed port as http://localhost:port (a secure
 * context for WebAuthn), and its configured address says the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class AccountJourneyTests extends BrowserTest {

	static final int PORT = freePort();

	static final String EMAIL = "hanna@example.org";

	static final String PASSWORD = "blue kettle on a quiet morning";

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void siteAndMail(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("carrywell.base-url", () -> "http://localhost:" + PORT);
		Inbox.mailServer(registry, smtp);
	}

	@Autowired
	JdbcClient jdbc;

	private final List<Path> visited = new ArrayList<>();

	@Override
	String base() {
		return "http://localhost:" + PORT;
	}

	@Test
	void registerVerifySignInAddAPasskeyUseItExportResetAndErase() throws Exception {
		Page page = browser.newContext(new NewContextOptions().setViewportSize(390, 844).setIsMobile(true)
			.setHasTouch(true)).newPage();
		PageGates gates = PageGates.attach(page, base());

		// Two sessions done before she had an account, kept by the player on this device.
		page.navigate(base() + "/privacy");
		check(gates, page, "privacy");
		page.evaluate("localStorage.setItem('carrywell.sessions', JSON.stringify([" + result("a") + "," + result("b")
				+ "]))");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		check(gates, page, "sign-in");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create an account")).click();
		check(gates, page, "register");
		page.getByLabel("E-mail address").fill(EMAIL);
		page.getByLabel("Password").fill("password1234");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create my account")).click();
		assertThat(page.getByText("on the list of the most common ones")).isVisible();
		assertThat(page.getByLabel("Password")).hasAttribute("aria-invalid", "true");
		check(gates, page, "register-error", "Failed to load resource: the server responded with a status of 400 ()");
		page.getByLabel("Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create my account")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Check your inbox");
		check(gates, page, "check-inbox");

		page.navigate(base() + link(nextMail(), "/account/verify/"));
		check(gates, page, "verify");
		page.getByLabel("Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my address")).click();
		assertThat(page.getByText("Your address is confirmed")).isVisible();

		signInWithPassword(page, PASSWORD);
		assertThat(page).hasURL(Pattern.compile(".*/account$"));
		assertThat(page.getByText("This device keeps 2 sessions")).isVisible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add them")).click();
		assertThat(page.getByText("2 sessions are now in your account.")).isVisible();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add them"))).isHidden();
		check(gates, page, "account");
		assertThat(rows("session_result")).isEqualTo(2);

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your profile")).click();
		check(gates, page, "profile");
		page.getByLabel("Due date").fill(LocalDate.now().plusWeeks(18).toString());
		page.getByLabel("Sciatica").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my profile")).click();
		assertThat(page.getByText("Your profile is saved.")).isVisible();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See your check")).click();
		check(gates, page, "check");
		page.navigate(base() + "/account");

		// A passkey from Chromium's virtual authenticator, which answers as if she touched the sensor.
		var devtools = page.context().newCDPSession(page);
		devtools.send("WebAuthn.enable");
		var authenticator = new JsonObject();
		authenticator.addProperty("protocol", "ctap2");
		authenticator.addProperty("transport", "internal");
		authenticator.addProperty("hasResidentKey", true);
		authenticator.addProperty("hasUserVerification", true);
		authenticator.addProperty("isUserVerified", true);
		authenticator.addProperty("automaticPresenceSimulation", true);
		var options = new JsonObject();
		options.add("options", authenticator);
		devtools.send("WebAuthn.addVirtualAuthenticator", options);
		page.getByLabel("Name for the new passkey").fill("Hanna's phone");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey")).click();
		assertThat(page.getByText("Your passkey is added.")).isVisible();
		assertThat(page.locator(".passkeys")).containsText("Hanna's phone");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out").setExact(true)).click();
		assertThat(page.getByText("You are signed out.")).isVisible();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION").query(Integer.class).single())
			.as("signed out, and trying a passkey holds no session").isZero();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with a passkey")).click();
		assertThat(page).hasURL(Pattern.compile(".*/account$"));
		assertThat(page.getByText("Signed in as " + EMAIL)).isVisible();

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Account activity")).click();
		assertThat(page.locator("table")).containsText("Signed in with a passkey");
		assertThat(page.locator("table")).containsText("Passkey added");
		check(gates, page, "activity");

		page.navigate(base() + "/account/export");
		check(gates, page, "export");
		var download = page.waitForDownload(() -> page.locator("#export-download").click());
		try (var zip = new ZipFile(download.path().toFile())) {
			assertThat(zip.getEntry("carrywell-export.json")).isNotNull();
			assertThat(zip.getEntry("sessions.csv")).isNotNull();
			String json = new String(zip.getInputStream(zip.getEntry("carrywell-export.json")).readAllBytes(),
					java.nio.charset.StandardCharsets.UTF_8);
			assertThat(json).contains(EMAIL).contains("SCIATICA").contains("Hanna's phone");
		}

		page.navigate(base() + "/account/password");
		check(gates, page, "password");
		page.navigate(base() + "/account");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out").setExact(true)).click();

		// She forgot her password.
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot your password?")).click();
		check(gates, page, "forgot");
		page.getByLabel("E-mail address").fill(EMAIL);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a link")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Check your inbox");
		page.navigate(base() + link(nextMail(), "/account/reset/"));
		check(gates, page, "reset");
		String newPassword = "green tea under a grey sky";
		page.getByLabel("Password").fill(newPassword);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set my new password")).click();
		assertThat(page.getByText("Your new password is set")).isVisible();
		signInWithPassword(page, newPassword);
		assertThat(page).hasURL(Pattern.compile(".*/account$"));

		page.navigate(base() + "/account/erase");
		check(gates, page, "erase");
		page.getByLabel("Password").fill(newPassword);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase my account for good")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Your account is erased");
		check(gates, page, "erased");

		signInWithPassword(page, newPassword);
		assertThat(page.getByText("don\u2019t match an account")).isVisible();
		for (String table : List.of("member", "member_profile", "member_check", "member_activity", "member_token",
				"session_result", "user_entities", "user_credentials", "SPRING_SESSION")) {
			assertThat(rows(table)).as("rows left in " + table).isZero();
		}
		assertThat(NuHtmlChecker.errors(visited)).isEmpty();
	}

	private void check(PageGates gates, Page page, String name, String... expectedConsoleErrors) {
		var report = gates.check("account-" + name, expectedConsoleErrors);
		visited.add(report.html());
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("account-" + name + "-phone"))
			.setFullPage(true));
	}

	private void signInWithPassword(Page page, String password) {
		page.navigate(base() + "/account/sign-in");
		page.getByLabel("E-mail address").fill(EMAIL);
		page.getByLabel("Password").fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
	}

	private int rows(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
	}

	private static String result(String seed) {
		String id = java.util.UUID.nameUUIDFromBytes(seed.getBytes()).toString();
		return "{id:'" + id + "',version:1,startedAt:'2026-11-20T08:00:00Z',endedAt:'2026-11-20T08:12:00Z',"
				+ "planQuery:'weeks=20',day:1,painBefore:4,painAfter:2,felt:'ABOUT_RIGHT',secondsDone:720,"
				+ "exercisesDone:['cat-cow'],exercisesSkipped:[],symptoms:[]}";
	}

	private static MimeMessage nextMail() throws InterruptedException {
		assertThat(smtp.waitForIncomingEmail(10_000, 1)).as("an e-mail arrives").isTrue();
		MimeMessage[] received = smtp.getReceivedMessages();
		MimeMessage newest = received[received.length - 1];
		try {
			smtp.purgeEmailFromAllMailboxes();
		}
		catch (Exception failed) {
			throw new IllegalStateException(failed);
		}
		return newest;
	}

	private static String link(MimeMessage mail, String prefix) throws Exception {
		var links = Pattern.compile("https?://[^\\s\"<>]+").matcher(Mails.plainText(mail));
		while (links.find()) {
			String path = URI.create(links.group()).getRawPath();
			if (path.startsWith(prefix)) {
				return path;
			}
		}
		throw new AssertionError("No link to " + prefix + " in " + Mails.plainText(mail));
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException failed) {
			throw new IllegalStateException(failed);
		}
	}

}
