package org.carrywell.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One endpoint of the application, read from Spring MVC's handler mappings, so that a new endpoint is covered by
 * the route tests the moment it exists.
 *
 * @param pattern the URL pattern, e.g. {@code /exercises/{id}}
 * @param method the HTTP method (GET for mappings that accept any)
 * @param parameters the names of its declared request parameters
 * @param json whether it takes a JSON body
 */
record Route(String pattern, HttpMethod method, Set<String> parameters, boolean json, HandlerMethod handler) {

	/** Every route, except Spring Boot's own error endpoint. */
	static List<Route> all(RequestMappingHandlerMapping mapping) {
		var routes = new ArrayList<Route>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			Set<String> patterns = info.getPathPatternsCondition() == null ? info.getPatternValues()
					: info.getPathPatternsCondition().getPatternValues();
			var methods = info.getMethodsCondition().getMethods();
			var parameters = new LinkedHashSet<String>();
			boolean json = false;
			for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
				RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
				if (requestParam != null && !Map.class.isAssignableFrom(parameter.getParameterType())) {
					String name = requestParam.name().isEmpty() ? parameter.getParameterName() : requestParam.name();
					if (name != null) {
						parameters.add(name);
					}
				}
				json |= parameter.hasParameterAnnotation(RequestBody.class);
			}
			boolean takesJson = json;
			for (String pattern : patterns) {
				if (pattern.equals("/error")) {
					continue;
				}
				if (methods.isEmpty()) {
					routes.add(new Route(pattern, HttpMethod.GET, Set.copyOf(parameters), takesJson, entry.getValue()));
				}
				methods.forEach(method -> routes.add(new Route(pattern, HttpMethod.valueOf(method.name()),
						Set.copyOf(parameters), takesJson, entry.getValue())));
			}
		}
		routes.sort(Comparator.comparing(Route::pattern).thenComparing(route -> route.method().name()));
		return routes;
	}

	boolean isApi() {
		return pattern.startsWith("/api/");
	}

	boolean isAdmin() {
		return pattern.startsWith("/admin/");
	}

	/** Posted to by mail programs without a CSRF token (RFC 8058); authorised by its signed link instead. */
	/** RFC 8058 one-click stops (the newsletter's, the reminders'): mail programs call them, with no token. */
	boolean isOneClick() {
		return pattern.endsWith("/one-click");
	}

	/** A member's own route: her account pages, her API, her plan (AccountSecurity.MEMBER_ONLY). */
	boolean isMemberOnly() {
		return pattern.startsWith("/api/v1/me") || pattern.startsWith("/plan/mine") || pattern.startsWith("/progress")
				|| pattern.startsWith("/sharing")
				|| (pattern.startsWith("/account") && !PUBLIC_ACCOUNT_PAGES.contains(pattern.split("/\\{")[0]));
	}

	/** The account pages a visitor uses to get in (and the privacy page's neighbours). */
	static final Set<String> PUBLIC_ACCOUNT_PAGES = Set.of("/account/register", "/account/check-inbox",
			"/account/verify", "/account/sign-in", "/account/sign-in/failed", "/account/forgot", "/account/reset",
			"/account/erased");

	/** Forms, and the members' API, which authenticates by cookie and so needs the CSRF token on writes too. */
	boolean takesCsrfToken() {
		return method != HttpMethod.GET && (!isApi() || pattern.startsWith("/api/v1/me")) && !isOneClick();
	}

	List<String> pathVariables() {
		return Arrays.stream(pattern.split("/"))
			.filter(segment -> segment.startsWith("{"))
			.map(segment -> segment.substring(1, segment.indexOf('}')))
			.toList();
	}

	@Override
	public String toString() {
		return method + " " + pattern;
	}

}
