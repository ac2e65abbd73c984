package org.carrywell.accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser's worth of cookies against the real server, following no redirects: what a visitor sends and
 * receives, byte for byte. Forms carry the CSRF token of the page they came from, as a browser would.
 */
public final class Visitor {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client;

	private String csrf = "";

	public Visitor(int port) {
		this.base = "http://127.0.0.1:" + port;
		this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** Posts a form with the CSRF token of the last page that had one. */
	public HttpResponse<String> post(String path, String... namesAndValues) {
		var fields = new ArrayList<String>(List.of(namesAndValues));
		fields.add("_csrf");
		fields.add(csrf);
		return postRaw(path, fields.toArray(String[]::new));
	}

	/** Posts a form exactly as given (no CSRF token added). */
	public HttpResponse<String> postRaw(String path, String... namesAndValues) {
		var body = new StringBuilder();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (body.length() > 0) {
				body.append('&');
			}
			body.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
		}
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
	}

	/** A JSON request to the members' API, with the CSRF header a page's script would send. */
	public HttpResponse<String> json(String method, String path, String body) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", csrf)
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
	}

	public HttpResponse<String> jsonWithoutCsrf(String method, String path, String body) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body)));
	}

	public Optional<String> cookie(String name) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
			.map(java.net.HttpCookie::getValue).findFirst();
	}

	/** Signs in with a password; returns the response to the sign-in post. */
	public HttpResponse<String> signIn(String email, String password) {
		get("/account/sign-in");
		return post("/account/sign-in", "email", email, "password", password);
	}

	/** Forgets every cookie, as a new browser would have none. */
	public void forgetCookies() {
		cookies.getCookieStore().removeAll();
		csrf = "";
	}

	public String csrfToken() {
		return csrf;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			remember(response);
			return response;
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(interrupted);
		}
	}

	private void remember(HttpResponse<String> response) {
		Matcher field = CSRF_FIELD.matcher(response.body());
		if (field.find()) {
			csrf = field.group(1);
		}
		response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrf = token);
	}

	/** The page's text without the parts that differ on every response (tokens), to compare two answers. */
	public static String comparable(String html) {
		return html.replaceAll("value=\"[A-Za-z0-9_-]{20,}\"", "value=\"…\"")
			.replaceAll("content=\"[A-Za-z0-9_-]{20,}\"", "content=\"…\"");
	}

}
