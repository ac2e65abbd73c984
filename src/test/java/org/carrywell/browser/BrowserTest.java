package org.carrywell.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The application on a random port and one Chromium for all tests of a class. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class BrowserTest {

	static Browser browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void launchBrowser() {
		browser = Browser.launch();
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	String base() {
		return "http://127.0.0.1:" + port;
	}

}
