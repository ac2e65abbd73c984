package org.carrywell.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service worker, {@code /sw.js}: the commented script in {@code offline/sw.js}, after two lines made for
 * this build, the list of files to keep (static files by their content-hashed names, and for scripts also the
 * plain names their imports use) and a version, a digest of everything that can change what is kept. A new
 * version makes the browser install the worker again and drop the old files. Served at the root, so that it may
 * look after every page, and checked again on every use (browsers never keep a worker script more than a day).
 */
@Controller
class ServiceWorkerController {

	/** Pages kept from installation on, whoever she is: they need no one's data. */
	static final List<String> PAGES = List.of("/offline", "/warning-signs/offline");

	private static final String SOURCE = "classpath:offline/sw.js";

	/**
	 * Everything a kept file or page is made from: a change to any of them is a new version. The application's own
	 * classes are in it because the kept warning-sign check carries the rule table the safety engine makes.
	 */
	private static final String[] VERSIONED = { "classpath*:static/**", "classpath*:templates/**",
			"classpath*:messages/**", "classpath*:org/carrywell/**/*.class", SOURCE };

	private final ResourceUrlProvider urls;

	private final JsonMapper json;

	private volatile @Nullable String script;

	ServiceWorkerController(ResourceUrlProvider urls, JsonMapper json) {
		this.urls = urls;
		this.json = json;
	}

	@GetMapping("/sw.js")
	ResponseEntity<String> serviceWorker() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
			.body(script());
	}

	/** Made on first use: the static files cannot change while the application runs. */
	private String script() {
		String made = script;
		if (made == null) {
			made = "// Made for this build by ServiceWorkerController.\nconst VERSION = '" + version() + "';\nconst KEEP = "
					+ json.writeValueAsString(filesToKeep()) + ";\n" + read(resolver().getResource(SOURCE));
			script = made;
		}
		return made;
	}

	/** Every stylesheet, script and image by its hashed name, the scripts also by their plain names, and the pages. */
	List<String> filesToKeep() {
		var keep = new TreeSet<String>();
		for (Resource file : resources("classpath*:static/**")) {
			String path = staticPath(file);
			if (path == null) {
				continue;
			}
			String hashed = urls.getForLookupPath(path);
			keep.add(hashed == null ? path : hashed);
			if (path.endsWith(".js")) {
				keep.add(path);
			}
		}
		var all = new ArrayList<>(keep);
		all.addAll(PAGES);
		all.add("/manifest.webmanifest");
		return all;
	}

	private String version() {
		try {
			var digest = MessageDigest.getInstance("SHA-256");
			for (String pattern : VERSIONED) {
				for (Resource resource : resources(pattern)) {
					try (InputStream in = resource.getInputStream()) {
						digest.update(in.readAllBytes());
					}
				}
			}
			return HexFormat.of().formatHex(digest.digest(), 0, 8);
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
		catch (NoSuchAlgorithmException everyJavaHasIt) {
			throw new IllegalStateException(everyJavaHasIt);
		}
	}

	/** The files a pattern finds, in a fixed order, so that the same build always has the same version. */
	private static List<Resource> resources(String pattern) {
		try {
			return Arrays.stream(resolver().getResources(pattern))
				.filter(resource -> resource.isReadable() && !url(resource).endsWith("/"))
				.sorted(Comparator.comparing(ServiceWorkerController::url))
				.toList();
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

	/** "/css/carrywell.css" for a file under static/, or null. */
	private static @Nullable String staticPath(Resource file) {
		String url = url(file);
		int at = url.lastIndexOf("/static/");
		return at < 0 ? null : url.substring(at + "/static".length());
	}

	private static String url(Resource resource) {
		try {
			return resource.getURL().toString();
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

	private static PathMatchingResourcePatternResolver resolver() {
		return new PathMatchingResourcePatternResolver(ServiceWorkerController.class.getClassLoader());
	}

	private static String read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

}
