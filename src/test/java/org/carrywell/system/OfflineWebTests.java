package org.carrywell.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the app on her phone is made of, over a real port (docs/offline.md): the manifest, the service worker and
 * its list of files, and which pages say they may be kept offline.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OfflineWebTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final String PLAN = "weeks=24&asOf=" + LocalDate.now() + "&pain.LOWER_BACK=5&minutes=10&sessions=3"
			+ "&equipment=CHAIR&floor=no&HEART_DISEASE=no";

	@LocalServerPort
	int port;

	@Test
	void theManifestNamesTheAppItsIconsAndHowItOpens() throws Exception {
		var response = get("/manifest.webmanifest");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/manifest+json");
		assertThat(response.body()).contains("\"name\":\"Carrywell\"", "\"start_url\":\"/\"", "\"display\":\"standalone\"",
				"\"purpose\":\"maskable\"", "\"theme_color\":\"#2f6b5e\"");
		var icon = Pattern.compile("\"src\":\"(/img/icon-512-[0-9a-f]{32}\\.png)\"").matcher(response.body());
		assertThat(icon.find()).as("a content-hashed 512 px icon").isTrue();
		var png = http.send(HttpRequest.newBuilder(uri(icon.group(1))).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(png.statusCode()).isEqualTo(200);
		assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(get("/").body()).contains("rel=\"manifest\" href=\"/manifest.webmanifest\"");
	}

	@Test
	void theServiceWorkerIsCheckedOnEveryUseAndKeepsEveryStaticFileByItsHashedName() throws Exception {
		var response = get("/sw.js");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
		assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");
		String script = response.body();
		assertThat(script).startsWith("// Made for this build").containsPattern("const VERSION = '[0-9a-f]{16}';");
		assertThat(script).containsPattern("\"/css/carrywell-[0-9a-f]{32}\\.css\"")
			.containsPattern("\"/js/player/player-[0-9a-f]{32}\\.js\"")
			.contains("\"/js/player/timeline.js\"", "\"/offline\"", "\"/warning-signs/offline\"");
		assertThat(get("/sw.js").body()).as("the same script every time").isEqualTo(script);
		// It is script too: within a page's script budget as it travels (docs/performance.md).
		var compressed = http.send(HttpRequest.newBuilder(uri("/sw.js")).header("Accept-Encoding", "gzip").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(compressed.body().length).isLessThan(30 * 1024);
	}

	@Test
	void onlyPagesMeantToWorkOfflineMayBeKept() throws Exception {
		assertThat(get("/plan/week?" + PLAN).headers().firstValue(OfflineCopies.HEADER)).hasValue("keep; this-week");
		var fromAnotherSite = http.send(HttpRequest.newBuilder(uri("/plan/week?" + PLAN)).header("Sec-Fetch-Site", "cross-site")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(fromAnotherSite.headers().firstValue(OfflineCopies.HEADER)).as("a plan another site links to").isEmpty();
		assertThat(get("/session/offline?" + PLAN + "&day=1").headers().firstValue(OfflineCopies.HEADER)).hasValue("keep");
		assertThat(get("/").headers().firstValue(OfflineCopies.HEADER)).hasValue("keep");
		for (String page : new String[] { "/session?" + PLAN + "&day=1", "/warning-signs", "/warning-signs/result?symptom=HEADACHE",
				"/plan/print?" + PLAN, "/exercises", "/account/sign-in", "/learn" }) {
			assertThat(get(page).headers().firstValue(OfflineCopies.HEADER)).as(page).isEmpty();
		}
		var visitor = get("/plan/week?" + PLAN).headers().firstValue(OfflineCopies.MEMBER_HEADER);
		assertThat(visitor).as("a visitor's pages are hers, not a member's").hasValue("");
	}

	@Test
	void aSessionThatIsNotForHerIsNeverKept() throws Exception {
		// Exercise not advised (placenta praevia after week 26): the copy is refused, and nothing says "keep".
		var refused = get("/session/offline?weeks=30&asOf=" + LocalDate.now() + "&PLACENTA_PREVIA=yes"
				+ "&exercise=cat-cow-seated&floor=no&equipment=CHAIR");
		assertThat(refused.headers().firstValue(OfflineCopies.HEADER)).isEmpty();
		assertThat(refused.body()).doesNotContain("id=\"session-data\"");
	}

	@Test
	void theOfflineCopyOfASessionCarriesTheEnginesRulesAndTheDayItStopsBeingValid() throws Exception {
		String body = get("/session/offline?" + PLAN + "&day=1").body();
		assertThat(body).contains("id=\"safety-rules\"", "\"validUntil\":\"", "\"easiest\":[", "id=\"before-form\"");
		var until = Pattern.compile("\"validUntil\":\"([0-9-]{10})\"").matcher(body);
		assertThat(until.find()).isTrue();
		assertThat(LocalDate.parse(until.group(1))).isBetween(LocalDate.now(), LocalDate.now().plusDays(6));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
