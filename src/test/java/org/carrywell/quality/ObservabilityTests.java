package org.carrywell.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.carrywell.accounts.Visitor;
import org.carrywell.accounts.internal.Accounts;
import org.carrywell.accounts.internal.Member;
import org.carrywell.accounts.internal.MemberStore;

/**
 * What an operator sees: metrics in Prometheus's format and health on the management port, never on the site's own
 * port; counts of plans made, warning-sign results by urgency, sign-ins and queue depths, and nothing of who.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class ObservabilityTests {

	private static final String PLAN = "/plan/week?weeks=24&asOf=" + LocalDate.now()
			+ "&pain.LOWER_BACK=6&minutes=15&sessions=3&activity=ACTIVE&equipment=CHAIR&floor=yes"
			+ "&HEART_DISEASE=no&ANAEMIA=no&OTHER_CONCERN=no";

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	MemberStore members;

	@Autowired
	Accounts accounts;

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void theMetricsCountWhatHappenedAndNameNobody() throws Exception {
		assertThat(get(port, PLAN).statusCode()).isEqualTo(200);
		assertThat(get(port, "/warning-signs/result?symptom=HEADACHE&weeks=24").statusCode()).isEqualTo(200);
		var visitor = new Visitor(port);
		String address = "nobody-" + System.nanoTime() + "@example.org";
		assertThat(visitor.signIn(address, "not her password at all").statusCode()).isEqualTo(400);
		String password = "observability test password";
		String memberAddress = "member-" + System.nanoTime() + "@example.org";
		members.insert(new Member(UUID.randomUUID(), memberAddress, accounts.passwords().hash(password), Instant.now(),
				Instant.now(), Instant.now()));
		assertThat(new Visitor(port).signIn(memberAddress, password).statusCode()).isEqualTo(302);
		assertThat(visitor.json("POST", "/api/v1/warning-signs", "{\"weeksPregnant\": 24, \"symptoms\": [\"HEADACHE\"]}")
			.statusCode()).isEqualTo(200);

		HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
		assertThat(metrics.body()).contains("carrywell_plan_generation_seconds_count{application=\"carrywell\"}",
				"carrywell_plan_generation_seconds_bucket",
				"carrywell_warning_sign_results_total{application=\"carrywell\",urgency=\"CALL_PROVIDER_NOW\",via=\"page\"} 1.0",
				"carrywell_warning_sign_results_total{application=\"carrywell\",urgency=\"CALL_PROVIDER_NOW\",via=\"api\"} 1.0",
				"carrywell_sign_ins_total{application=\"carrywell\",method=\"any\",result=\"refused\"} 1.0",
				"carrywell_sign_ins_total{application=\"carrywell\",method=\"password\",result=\"success\"} 1.0",
				"carrywell_sign_ins_total{application=\"carrywell\",method=\"passkey\",result=\"success\"} 0.0",
				"carrywell_queue_depth{application=\"carrywell\",queue=\"newsletter\",status=\"queued\"} 0.0",
				"carrywell_queue_depth{application=\"carrywell\",queue=\"reminders\",status=\"in_doubt\"} 0.0",
				"http_server_requests_seconds_bucket", "jvm_memory_used_bytes", "hikaricp_connections_active");
		assertThat(metrics.body()).doesNotContain(address, memberAddress, "HEADACHE");
	}

	/** Every metric the Grafana dashboard in the repository draws is one the app gives. */
	@Test
	void theDashboardDrawsOnlyMetricsTheAppGives() throws Exception {
		assertThat(get(port, PLAN).statusCode()).isEqualTo(200);
		String metrics = get(managementPort, "/actuator/prometheus").body();
		String dashboard = Files.readString(Path.of("deploy/grafana/carrywell-dashboard.json"));
		Matcher expressions = Pattern.compile("\"expr\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(dashboard);
		var drawn = new TreeSet<String>();
		while (expressions.find()) {
			Matcher names = Pattern.compile("\\b([a-z_]+(?:_total|_seconds_count|_seconds_bucket|_bytes|_depth|_active|_pending))\\{")
				.matcher(expressions.group(1));
			while (names.find()) {
				drawn.add(names.group(1));
			}
		}
		assertThat(drawn).hasSizeGreaterThanOrEqualTo(8);
		assertThat(drawn).allSatisfy(name -> assertThat(metrics).as(name).contains(name + "{"));
	}

	@Test
	void healthAndMetricsAreOnTheManagementPortOnly() throws Exception {
		assertThat(get(managementPort, "/actuator/health").body()).contains("\"status\":\"UP\"");
		assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(get(port, "/actuator/prometheus").statusCode()).isEqualTo(404);
		assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(404);
		assertThat(get(port, "/readyz").body()).contains("\"status\":\"UP\"");
		assertThat(get(port, "/livez").body()).contains("\"status\":\"UP\"");
	}

	private HttpResponse<String> get(int toPort, String path) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + toPort + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
