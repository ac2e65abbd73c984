package org.carrywell.system;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The web app manifest: what her phone needs to install Carrywell as an app (docs/offline.md). Its words come
 * from messages.properties, its icons by their content-hashed names, and it opens on the home page, standalone.
 */
@Controller
class AppManifestController {

	static final String THEME_COLOUR = "#2f6b5e";

	static final String BACKGROUND_COLOUR = "#fbf8f4";

	private final MessageSource messages;

	private final ResourceUrlProvider urls;

	AppManifestController(MessageSource messages, ResourceUrlProvider urls) {
		this.messages = messages;
		this.urls = urls;
	}

	@GetMapping("/manifest.webmanifest")
	ResponseEntity<Map<String, Object>> manifest() {
		var locale = LocaleContextHolder.getLocale();
		var manifest = new LinkedHashMap<String, Object>();
		manifest.put("id", "/");
		manifest.put("name", messages.getMessage("site.name", null, locale));
		manifest.put("short_name", messages.getMessage("site.name", null, locale));
		manifest.put("description", messages.getMessage("site.description", null, locale));
		manifest.put("lang", locale.toLanguageTag());
		manifest.put("start_url", "/");
		manifest.put("scope", "/");
		manifest.put("display", "standalone");
		manifest.put("theme_color", THEME_COLOUR);
		manifest.put("background_color", BACKGROUND_COLOUR);
		manifest.put("icons", List.of(icon("/img/icon-192.png", "192x192", "image/png", "any"),
				icon("/img/icon-512.png", "512x512", "image/png", "any"),
				icon("/img/icon-maskable-192.png", "192x192", "image/png", "maskable"),
				icon("/img/icon-maskable-512.png", "512x512", "image/png", "maskable"),
				icon("/img/icon.svg", "any", "image/svg+xml", "any")));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
			.contentType(MediaType.parseMediaType("application/manifest+json"))
			.body(manifest);
	}

	private Map<String, String> icon(String path, String sizes, String type, String purpose) {
		String hashed = urls.getForLookupPath(path);
		return Map.of("src", hashed == null ? path : hashed, "sizes", sizes, "type", type, "purpose", purpose);
	}

}
