package org.carrywell.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files (deploy/) stay true to the app: every environment variable they set is one the app reads
 * (a placeholder in its properties, or a property of Spring Boot's own under its relaxed name), the ports they
 * publish and check are the app's and the management server's, and the health path they probe is the one the app
 * serves on its own port.
 */
class DeploymentFilesTests {

	private static final Path DEPLOY = Path.of("deploy");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

	private static final Pattern PROPERTY_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

	private static Properties app;

	private static Set<String> known;

	@BeforeAll
	static void readTheAppsConfiguration() throws IOException {
		app = new Properties();
		var names = new HashSet<String>();
		for (String file : List.of("application.properties", "application-postgres.properties")) {
			String text = Files.readString(Path.of("src/main/resources", file));
			try (InputStream in = Files.newInputStream(Path.of("src/main/resources", file))) {
				app.load(in);
			}
			Matcher placeholders = PLACEHOLDER.matcher(text);
			while (placeholders.find()) {
				names.add(placeholders.group(1));
			}
			app.stringPropertyNames().forEach(property -> names.add(relaxed(property)));
		}
		// Spring Boot's own properties, as every starter on the class path documents them.
		for (URL metadata : Collections.list(DeploymentFilesTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = metadata.openStream()) {
				Matcher properties = PROPERTY_NAME.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				while (properties.find()) {
					names.add(relaxed(properties.group(1)));
				}
			}
		}
		known = names;
	}

	/** A property as an environment variable names it: SERVER_FORWARD_HEADERS_STRATEGY for server.forward-headers-strategy. */
	private static String relaxed(String property) {
		return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
	}

	private static boolean readByTheApp(String variable) {
		return known.contains(variable) || known.contains(variable.replace("_", ""))
				|| known.stream().anyMatch(name -> name.replace("_", "").equals(variable.replace("_", "")));
	}

	private static int appPort() {
		return Integer.parseInt(app.getProperty("server.port", "8080"));
	}

	private static int managementPort() {
		Matcher port = Pattern.compile("\\$\\{CARRYWELL_MANAGEMENT_PORT:(\\d+)}").matcher(app.getProperty("management.server.port"));
		assertThat(port.matches()).as("the management port is set from CARRYWELL_MANAGEMENT_PORT with a default").isTrue();
		return Integer.parseInt(port.group(1));
	}

	@Test
	void theAppServesTheProbesTheFilesUse() {
		assertThat(app.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
		assertThat(app.getProperty("management.endpoint.health.probes.add-additional-paths")).isEqualTo("true");
	}

	@Test
	void theComposeFileSetsOnlyWhatTheAppReads() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(DEPLOY.resolve("compose.yaml")));
		@SuppressWarnings("unchecked")
		var services = (Map<String, Map<String, Object>>) compose.get("services");
		var apps = new ArrayList<String>();
		services.forEach((name, service) -> {
			if (service.containsKey("build")) {
				apps.add(name);
				@SuppressWarnings("unchecked")
				var environment = (Map<String, Object>) service.get("environment");
				assertThat(environment.keySet()).as("variables of " + name).allMatch(DeploymentFilesTests::readByTheApp);
				assertThat(String.valueOf(environment.get("CARRYWELL_MANAGEMENT_PORT")))
					.isEqualTo(String.valueOf(managementPort()));
				assertThat(environment.get("SPRING_PROFILES_ACTIVE")).isEqualTo("postgres");
			}
		});
		assertThat(apps).containsExactly("app1", "app2");
		String proxy = Files.readString(DEPLOY.resolve("haproxy.cfg"));
		for (String node : apps) {
			assertThat(proxy).contains("server " + node + " " + node + ":" + appPort() + " check");
		}
		assertThat(proxy).contains("option httpchk GET /readyz", "http-request set-header X-Forwarded-For %[src]");
		@SuppressWarnings("unchecked")
		var published = (List<String>) services.get("proxy").get("ports");
		assertThat(published).containsExactly(appPort() + ":" + proxy.replaceAll("(?s).*bind :(\\d+).*", "$1"));
	}

	@Test
	void theImageExposesTheAppsPortsAndChecksItsReadiness() throws IOException {
		String image = Files.readString(DEPLOY.resolve("Containerfile"));
		assertThat(image).contains("EXPOSE " + appPort() + " " + managementPort(),
				"/dev/tcp/127.0.0.1/" + appPort(), "GET /readyz");
		Matcher variables = Pattern.compile("(?m)^\\s*(?:ENV\\s+)?([A-Z][A-Z0-9_]+)=").matcher(image);
		int checked = 0;
		while (variables.find()) {
			assertThat(readByTheApp(variables.group(1)) || variables.group(1).startsWith("CARRYWELL_JAR")
					|| variables.group(1).equals("CARRYWELL_APP_DIR"))
				.as(variables.group(1) + " is read by the app or its launcher")
				.isTrue();
			checked++;
		}
		assertThat(checked).isGreaterThanOrEqualTo(2);
		assertThat(image).contains("COPY scripts/carrywell ");
	}

	@Test
	void theServersSettingsAndUnitNameOnlyWhatTheAppReads() throws IOException {
		var settings = new Properties();
		try (InputStream in = Files.newInputStream(DEPLOY.resolve("carrywell.env.example"))) {
			settings.load(in);
		}
		assertThat(settings.stringPropertyNames()).hasSizeGreaterThan(10).allMatch(DeploymentFilesTests::readByTheApp);
		assertThat(settings.getProperty("CARRYWELL_MANAGEMENT_PORT")).isEqualTo(String.valueOf(managementPort()));

		String unit = Files.readString(DEPLOY.resolve("carrywell.service"));
		assertThat(unit).contains("EnvironmentFile=/etc/carrywell/carrywell.env", "ExecStart=/opt/carrywell/scripts/carrywell");
		Matcher variables = Pattern.compile("(?m)^Environment=([A-Z_]+)=").matcher(unit);
		while (variables.find()) {
			assertThat(Files.readString(Path.of("scripts/carrywell"))).as("the launcher reads " + variables.group(1))
				.contains(variables.group(1));
		}
	}

	/** The check above would pass on anything if it knew every name: it must refuse a misspelt one. */
	@Test
	void aMisspeltVariableIsNotReadByTheApp() {
		assertThat(readByTheApp("CARRYWELL_DB_URL")).isTrue();
		assertThat(readByTheApp("SERVER_FORWARD_HEADERS_STRATEGY")).isTrue();
		assertThat(readByTheApp("CARRYWELL_DATABASE_URL")).isFalse();
		assertThat(readByTheApp("SPRING_MAIL_HOSTNAME")).isFalse();
	}

}
