package org.carrywell.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedCaseInsensitiveMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the visitor's copy of each page marked {@link PublicPages#markShareable shareable}, already compressed, so
 * that the next visitor who asks for the same address in the same language on the same day gets it without the
 * page being made again, and a browser or proxy that has it gets a 304. Pages are made again when the content
 * changes, because the content is part of the jar and the cache lives and dies with the process.
 * <p>
 * It stands before the security filters, so a kept page skips them: the kept copy carries the headers they wrote
 * the first time (the Content-Security-Policy and the rest), apart from cookies and caching headers, which are
 * held back while the page is made and only let through when the page turns out not to be kept. Only visitors'
 * requests are served from it: a request with any cookie but the CSRF token's (a member's session, a remembered
 * answer) goes around it and is made for her, uncached. A page whose only personal part is a form's CSRF token
 * (the newsletter's sign-up on the home and Learn pages) is kept around the token, and each visitor gets her own.
 * A visitor's page that is not kept (her plan, her check answers) is held whole anyway, so it is compressed here
 * in one pass, at the fastest level, and never kept.
 */
@Component
// After the parameters filter (a request that cannot be decoded is refused first), before Spring Session and
// Spring Security, whose work a kept page does not need.
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class PublicPageCache extends OncePerRequestFilter {

	/** Visitors' copies may be kept by browsers and proxies, but are checked with us (ETag) before each use. */
	static final String CACHE_CONTROL = "no-cache";

	/** The cookies a visitor may hold that change nothing on a shareable page. */
	private static final Set<String> NEUTRAL_COOKIES = Set.of(SecurityConfiguration.CSRF_COOKIE);

	/** Held back while a page is made: a kept page sets no cookie, and says itself how it may be cached. */
	private static final Set<String> HELD_HEADERS = Set.of("set-cookie", "cache-control", "pragma", "expires");

	/** Not copied into a kept page: written again for each answer. */
	private static final Set<String> PER_ANSWER_HEADERS = Set.of("set-cookie", "cache-control", "pragma", "expires",
			"content-length", "content-type", "content-language", "content-encoding", "date", "transfer-encoding",
			"etag", "vary");


	private static final int SMALLEST_COMPRESSED = 1024;

	private final Cache<Key, Page> pages;

	private final Clock clock;

	private final LocaleResolver localeResolver;

	private final CookieCsrfTokenRepository tokens;

	/** Off with a size of 0: then every page is made for every request, as without this filter. */
	private final boolean enabled;

	PublicPageCache(Clock clock, @Qualifier("localeResolver") LocaleResolver localeResolver,
			@Value("${carrywell.public-pages.cache-megabytes:16}") int megabytes,
			@Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies) {
		this.clock = clock;
		this.localeResolver = localeResolver;
		this.tokens = SecurityConfiguration.csrfTokens(secureCookies);
		this.enabled = megabytes > 0;
		// Bounded by size: a library filter is part of the address, so the addresses are many; the least used go.
		this.pages = Caffeine.newBuilder()
			.maximumWeight(megabytes * 1024L * 1024L)
			.weigher((Key key, Page page) -> page.weight() + key.weight())
			.build();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!enabled || !HttpMethod.GET.matches(request.getMethod())) {
			return true;
		}
		String path = request.getRequestURI();
		if (path.startsWith("/api/") || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
				|| path.startsWith("/webjars/") || path.startsWith("/actuator") || path.startsWith("/admin")
				|| path.equals("/livez") || path.equals("/readyz")) {
			return true;
		}
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (!NEUTRAL_COOKIES.contains(cookie.getName())) {
					return true;
				}
			}
		}
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Key key = keyOf(request);
		Page kept = pages.getIfPresent(key);
		if (kept != null) {
			kept.writeHeaders(response);
			kept.answer(request, response, tokens);
			return;
		}
		var holding = new HoldingResponse(response);
		try {
			chain.doFilter(request, holding);
		}
		catch (IOException | ServletException | RuntimeException failure) {
			holding.release();
			throw failure;
		}
		byte[] body = holding.getContentAsByteArray();
		if (isKeepable(request, response, holding, body)) {
			Page page = Page.of(response, body, maskedToken(request));
			pages.put(key, page);
			// The headers the page was made with are already on the response; the held ones are dropped (her CSRF
			// cookie is set again by the answer when the page holds a form and she has none).
			page.answer(request, response, tokens);
			return;
		}
		holding.release();
		answerMadeForHer(request, response, holding, body);
	}

	/**
	 * A page made for this request alone (her plan, a form with her answers) is compressed here, in one pass at
	 * zlib's fastest level, rather than by the connector at its default level as it goes: on a plan page that
	 * took a quarter of the CPU, and the fastest level took two fifths of the time for a third more bytes
	 * (docs/performance.md, issue 20). nginx compresses at the same level by default. Anything but a page, or a
	 * page too small to gain, goes out as it was made (and the connector may still compress it).
	 */
	private static void answerMadeForHer(HttpServletRequest request, HttpServletResponse response,
			HoldingResponse holding, byte[] body) throws IOException {
		String type = response.getContentType();
		boolean page = type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html");
		if (!page || body.length < SMALLEST_COMPRESSED || response.isCommitted()
				|| response.containsHeader(HttpHeaders.CONTENT_ENCODING) || !acceptsGzip(request)) {
			holding.copyBodyToResponse();
			return;
		}
		byte[] sent = gzip(body, Deflater.BEST_SPEED);
		response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		if (!response.getHeaders(HttpHeaders.VARY).contains(HttpHeaders.ACCEPT_ENCODING)) {
			response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		}
		response.setContentLength(sent.length);
		response.getOutputStream().write(sent);
	}

	/**
	 * A page is kept when its controller marked it shareable and the request held only the parameters it takes;
	 * it was a whole 200 made for a visitor (the member header that every page carries is empty); it set no
	 * cookie but the CSRF token's; and the token appears in it only masked, where each visitor's own will go.
	 */
	private boolean isKeepable(HttpServletRequest request, HttpServletResponse response, HoldingResponse holding,
			byte[] body) {
		Set<String> parameters = PublicPages.shareableParameters(request);
		if (parameters == null || !parameters.containsAll(request.getParameterMap().keySet())
				|| holding.getStatus() != HttpServletResponse.SC_OK || holding.setsCookiesOtherThan(NEUTRAL_COOKIES)) {
			return false;
		}
		String member = response.getHeader(OfflineCopies.MEMBER_HEADER);
		if (member != null && !member.isEmpty()) {
			return false;
		}
		// The raw token (her cookie's, or the one just made for her) must never be in a page that others get.
		String raw = holding.heldCookieValue(SecurityConfiguration.CSRF_COOKIE);
		if (raw == null) {
			CsrfToken fromCookie = tokens.loadToken(request);
			raw = fromCookie == null ? null : fromCookie.getToken();
		}
		return raw == null || raw.isEmpty() || indexOf(body, raw.getBytes(StandardCharsets.UTF_8), 0) < 0;
	}

	/** The masked token this page's forms were given (the same for every form of one request), if any. */
	private static @Nullable String maskedToken(HttpServletRequest request) {
		return request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token ? token.getToken() : null;
	}

	private Key keyOf(HttpServletRequest request) {
		// From the parameters rather than the raw query: the same page however its parameters are spelled.
		var address = new StringBuilder(request.getRequestURI());
		char separator = '?';
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			for (String value : parameter.getValue()) {
				address.append(separator)
					.append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
					.append('=')
					.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
				separator = '&';
			}
		}
		// The library reads only whether each htmx header is "true"; Spring Security writes HSTS only over TLS.
		return new Key(address.toString(), localeResolver.resolveLocale(request), LocalDate.now(clock),
				"true".equals(request.getHeader("HX-Request")), "true".equals(request.getHeader("HX-History-Restore-Request")),
				request.isSecure());
	}

	/** Pages made on a day may say so (a date, the week of a pregnancy): the day is part of the key. */
	record Key(String address, Locale locale, LocalDate day, boolean htmx, boolean historyRestore, boolean secure) {

		int weight() {
			return 2 * address.length() + 128;
		}

	}

	/**
	 * A kept page: its headers, its body as made and compressed, and the tag a browser sends back with it. A page
	 * with a form (the newsletter's sign-up) is kept in parts around the form's CSRF token, and each answer gets her
	 * own token, masked afresh as Spring Security masks it: such a page is hers (private), the rest is shared.
	 */
	record Page(Map<String, List<String>> headers, String contentType, @Nullable Locale locale, List<String> vary,
			List<byte[]> parts, byte @Nullable [] gzipped, String digest) {

		static Page of(HttpServletResponse response, byte[] body, @Nullable String maskedToken) {
			Map<String, List<String>> headers = new LinkedCaseInsensitiveMap<>();
			for (String name : response.getHeaderNames()) {
				if (!PER_ANSWER_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
					headers.put(name, List.copyOf(response.getHeaders(name)));
				}
			}
			String contentType = response.getContentType();
			List<byte[]> parts = maskedToken == null ? List.of(body) : around(body, maskedToken.getBytes(StandardCharsets.US_ASCII));
			boolean compressible = body.length >= SMALLEST_COMPRESSED;
			byte[] gzipped = compressible && parts.size() == 1 ? gzip(body, Deflater.DEFAULT_COMPRESSION) : null;
			var vary = new LinkedHashSet<String>();
			response.getHeaders(HttpHeaders.VARY).forEach(value -> vary.add(value));
			vary.add(HttpHeaders.ACCEPT_LANGUAGE);
			if (compressible) {
				vary.add(HttpHeaders.ACCEPT_ENCODING);
			}
			if (parts.size() > 1) {
				vary.add(HttpHeaders.COOKIE);
			}
			return new Page(Map.copyOf(headers), contentType == null ? "text/html;charset=UTF-8" : contentType,
					response.getLocale(), List.copyOf(vary), List.copyOf(parts), gzipped, fingerprint(parts));
		}

		int weight() {
			return parts.stream().mapToInt(part -> part.length).sum() + (gzipped == null ? 0 : gzipped.length) + 512;
		}

		boolean holdsForm() {
			return parts.size() > 1;
		}

		void writeHeaders(HttpServletResponse response) {
			// Set, not added: the security headers valve has already put its own values on every response.
			// A plain loop: this runs for every kept answer, and a stream per header was a tenth of what such an
			// answer allocates (docs/performance.md, issue 20).
			headers.forEach((name, values) -> {
				response.setHeader(name, values.get(0));
				for (int i = 1; i < values.size(); i++) {
					response.addHeader(name, values.get(i));
				}
			});
			if (locale != null) {
				response.setLocale(locale);
			}
			response.setContentType(contentType);
		}

		/**
		 * The caching headers, then a 304 if she has this copy already, or the body in the best encoding. A page with
		 * a form carries her CSRF token (a new one, with its cookie, if she has none), and its tag names the token,
		 * so that a copy made with a token she no longer holds is never confirmed.
		 */
		void answer(HttpServletRequest request, HttpServletResponse response, CookieCsrfTokenRepository tokens)
				throws IOException {
			response.setStatus(HttpServletResponse.SC_OK);
			String etag;
			@Nullable CsrfToken token = null;
			if (holdsForm()) {
				token = tokens.loadToken(request);
				if (token == null) {
					token = tokens.generateToken(request);
					tokens.saveToken(token, request, response);
				}
				etag = "W/\"" + digest + '.' + fingerprint(List.of(token.getToken().getBytes(StandardCharsets.UTF_8))).substring(0, 8) + '"';
				response.setHeader(HttpHeaders.CACHE_CONTROL, "private, " + CACHE_CONTROL);
			}
			else {
				etag = "W/\"" + digest + '"';
				response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
			}
			response.setHeader(HttpHeaders.ETAG, etag);
			var varied = new HashSet<>(response.getHeaders(HttpHeaders.VARY));
			vary.stream().filter(value -> !varied.contains(value)).forEach(value -> response.addHeader(HttpHeaders.VARY, value));
			if (matches(request.getHeaders(HttpHeaders.IF_NONE_MATCH), etag)) {
				response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
				return;
			}
			byte[] body = token == null ? parts.get(0) : withToken(masked(token, request, response));
			byte[] sent = body;
			if (body.length >= SMALLEST_COMPRESSED && acceptsGzip(request)) {
				// A page with her token in it is compressed for her, quickly; the others were compressed once.
				sent = gzipped != null ? gzipped : gzip(body, Deflater.BEST_SPEED);
				response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
			}
			response.setContentLength(sent.length);
			response.getOutputStream().write(sent);
		}

		private byte[] withToken(String masked) {
			byte[] value = masked.getBytes(StandardCharsets.US_ASCII);
			var body = new ByteArrayOutputStream(weight() + parts.size() * value.length);
			for (int i = 0; i < parts.size(); i++) {
				if (i > 0) {
					body.writeBytes(value);
				}
				body.writeBytes(parts.get(i));
			}
			return body.toByteArray();
		}

		/** As the form would have had it: the token XOR-masked with fresh random bytes (BREACH). */
		private static String masked(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
			new XorCsrfTokenRequestAttributeHandler().handle(request, response, () -> token);
			return ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
		}

		/** The body cut out around each place the masked token was written: one part when there is none. */
		private static List<byte[]> around(byte[] body, byte[] token) {
			var parts = new ArrayList<byte[]>();
			int from = 0;
			for (int at = indexOf(body, token, from); at >= 0; at = indexOf(body, token, from)) {
				parts.add(Arrays.copyOfRange(body, from, at));
				from = at + token.length;
			}
			parts.add(Arrays.copyOfRange(body, from, body.length));
			return parts;
		}

	}

	/** Weak comparison (RFC 9110, 13.1.2): the same page whatever its encoding. */
	static boolean matches(Enumeration<String> ifNoneMatch, String etag) {
		String opaque = opaque(etag);
		while (ifNoneMatch.hasMoreElements()) {
			for (String tag : ifNoneMatch.nextElement().split(",")) {
				String trimmed = tag.trim();
				if (trimmed.equals("*") || opaque(trimmed).equals(opaque)) {
					return true;
				}
			}
		}
		return false;
	}

	private static String opaque(String tag) {
		return tag.startsWith("W/") ? tag.substring(2) : tag;
	}

	static boolean acceptsGzip(HttpServletRequest request) {
		var accepted = request.getHeaders(HttpHeaders.ACCEPT_ENCODING);
		while (accepted.hasMoreElements()) {
			for (String coding : accepted.nextElement().split(",")) {
				String[] parts = coding.split(";");
				if (parts[0].trim().equalsIgnoreCase("gzip")) {
					return parts.length == 1 || !parts[1].replace(" ", "").toLowerCase(Locale.ROOT).matches("q=0(\\.0*)?");
				}
			}
		}
		return false;
	}

	private static byte[] gzip(byte[] body, int level) {
		var compressed = new ByteArrayOutputStream(body.length / 4);
		try (var gzip = new GZIPOutputStream(compressed) {
			{
				def.setLevel(level);
			}
		}) {
			gzip.write(body);
		}
		catch (IOException impossible) {
			throw new IllegalStateException(impossible);
		}
		return compressed.toByteArray();
	}

	private static String fingerprint(List<byte[]> parts) {
		try {
			var sha256 = MessageDigest.getInstance("SHA-256");
			parts.forEach(sha256::update);
			byte[] hash = sha256.digest();
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private static int indexOf(byte[] haystack, byte[] needle, int from) {
		outer: for (int i = from; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/**
	 * Writes text to a stream, each write encoded at once with {@link String#getBytes(Charset)} (the JDK's fast
	 * path). A character made of two UTF-16 units that arrives split across two writes is held until its second half.
	 */
	static final class EncodingWriter extends Writer {

		private final OutputStream out;

		private final Charset charset;

		private char pendingHighSurrogate;

		EncodingWriter(OutputStream out, Charset charset) {
			this.out = out;
			this.charset = charset;
		}

		@Override
		public void write(char[] characters, int offset, int length) throws IOException {
			write(new String(characters, offset, length));
		}

		@Override
		public void write(String text, int offset, int length) throws IOException {
			write(offset == 0 && length == text.length() ? text : text.substring(offset, offset + length));
		}

		@Override
		public void write(int character) throws IOException {
			write(String.valueOf((char) character));
		}

		@Override
		public void write(String text) throws IOException {
			if (text.isEmpty()) {
				return;
			}
			String whole = pendingHighSurrogate == 0 ? text : pendingHighSurrogate + text;
			pendingHighSurrogate = 0;
			char last = whole.charAt(whole.length() - 1);
			if (Character.isHighSurrogate(last)) {
				pendingHighSurrogate = last;
				whole = whole.substring(0, whole.length() - 1);
			}
			out.write(whole.getBytes(charset));
		}

		@Override
		public void flush() throws IOException {
			out.flush();
		}

		/** A first half of a character still waiting when the text ends was malformed: it is written as "?". */
		@Override
		public void close() throws IOException {
			if (pendingHighSurrogate != 0) {
				pendingHighSurrogate = 0;
				out.write('?');
			}
			out.close();
		}

	}

	/**
	 * Buffers the body (as its parent does) and holds back cookies and caching headers, which are let through only
	 * when the page is not kept. Everything else reaches the response at once, as without this filter.
	 */
	static final class HoldingResponse extends ContentCachingResponseWrapper {

		private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

		private final Map<String, List<String>> held = new LinkedCaseInsensitiveMap<>();

		private final List<Cookie> cookies = new ArrayList<>();

		private @Nullable PrintWriter writer;

		HoldingResponse(HttpServletResponse response) {
			super(response);
		}

		/**
		 * Its parent's writer encodes a string through a CharBuffer view, one char at a time, and flushes after every
		 * write: a fifth of a plan page's time (docs/performance.md, issue 20). This one encodes each write whole.
		 * It writes to this wrapper's output stream, which asks the real response for its output stream: from then
		 * on, code after this filter must write the real response's bytes through its stream, never its writer (as
		 * the answers below do).
		 */
		@Override
		public PrintWriter getWriter() throws IOException {
			if (writer == null) {
				String encoding = getCharacterEncoding();
				// The servlet specification's default, should a response ever come without one.
				Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
				writer = new PrintWriter(new EncodingWriter(getOutputStream(), charset));
			}
			return writer;
		}

		private static boolean isHeld(String name) {
			return HELD_HEADERS.contains(name.toLowerCase(Locale.ROOT));
		}

		@Override
		public void addCookie(Cookie cookie) {
			cookies.add(cookie);
		}

		@Override
		public void setHeader(String name, @Nullable String value) {
			if (isHeld(name)) {
				// A null value removes the header, as the servlet API says.
				if (value == null) {
					held.remove(name);
				}
				else {
					held.put(name, new ArrayList<>(List.of(value)));
				}
			}
			else {
				super.setHeader(name, value);
			}
		}

		@Override
		public void addHeader(String name, @Nullable String value) {
			if (isHeld(name)) {
				if (value != null) {
					held.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
				}
			}
			else {
				super.addHeader(name, value);
			}
		}

		@Override
		public void setDateHeader(String name, long date) {
			if (isHeld(name)) {
				setHeader(name, HTTP_DATE.format(Instant.ofEpochMilli(date)));
			}
			else {
				super.setDateHeader(name, date);
			}
		}

		@Override
		public void addDateHeader(String name, long date) {
			if (isHeld(name)) {
				addHeader(name, HTTP_DATE.format(Instant.ofEpochMilli(date)));
			}
			else {
				super.addDateHeader(name, date);
			}
		}

		@Override
		public boolean containsHeader(String name) {
			return isHeld(name) ? held.containsKey(name) || name.equalsIgnoreCase("set-cookie") && !cookies.isEmpty()
					: super.containsHeader(name);
		}

		@Override
		public @Nullable String getHeader(String name) {
			if (isHeld(name)) {
				List<String> values = held.get(name);
				return values == null || values.isEmpty() ? null : values.get(0);
			}
			return super.getHeader(name);
		}

		@Override
		public Collection<String> getHeaders(String name) {
			if (isHeld(name)) {
				return List.copyOf(held.getOrDefault(name, List.of()));
			}
			return super.getHeaders(name);
		}

		@Override
		public Collection<String> getHeaderNames() {
			var names = new LinkedHashSet<>(super.getHeaderNames());
			names.addAll(held.keySet());
			return names;
		}

		@Override
		public void sendError(int status) throws IOException {
			release();
			super.sendError(status);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			release();
			super.sendError(status, message);
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			release();
			super.sendRedirect(location);
		}

		/** The value of a cookie held back by name, whether added as a cookie or as a Set-Cookie header. */
		@Nullable String heldCookieValue(String name) {
			for (Cookie cookie : cookies) {
				if (cookie.getName().equals(name)) {
					return cookie.getValue();
				}
			}
			for (String header : held.getOrDefault(HttpHeaders.SET_COOKIE, List.of())) {
				if (header.startsWith(name + "=")) {
					int end = header.indexOf(';');
					return header.substring(name.length() + 1, end < 0 ? header.length() : end);
				}
			}
			return null;
		}

		boolean setsCookiesOtherThan(Set<String> neutral) {
			if (cookies.stream().anyMatch(cookie -> !neutral.contains(cookie.getName()))) {
				return true;
			}
			return held.getOrDefault(HttpHeaders.SET_COOKIE, List.of())
				.stream()
				.anyMatch(header -> !neutral.contains(header.substring(0, Math.max(0, header.indexOf('='))).trim()));
		}

		/** Lets the held cookies and headers through, as if this wrapper had not been there. */
		void release() {
			HttpServletResponse response = (HttpServletResponse) getResponse();
			held.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
			held.clear();
			cookies.forEach(response::addCookie);
			cookies.clear();
		}

	}

}
