package org.carrywell.cluster;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.carrywell.accounts.Visitor;

/**
 * The drill's mixed load, as people make it: visitors reading pages, members saving session results (each with the
 * UUID her player made, sent again until acknowledged, as the player does), newsletter sign-ups. Every answer is
 * noted with its time, so that failures can be placed against the kill.
 */
final class Traffic {

	/** One answer that was not what the request should get: when, what, and what came back. */
	record Failure(long atMillis, String request, String outcome) {
	}

	private static final List<String> PAGES = List.of("/", "/exercises", "/exercises?area=LOWER_BACK", "/learn",
			"/check", "/newsletter", "/warning-signs",
			"/plan/week?weeks=24&pain.LOWER_BACK=6&pain.HIPS=3&minutes=15&sessions=4&activity=ACTIVE"
					+ "&equipment=CHAIR&equipment=MAT&floor=yes&HEART_DISEASE=no&ANAEMIA=no&OTHER_CONCERN=no");

	private final int port;

	private final long startNanos;

	final Set<UUID> acknowledgedResults = ConcurrentHashMap.newKeySet();

	final Set<String> acknowledgedSignUps = ConcurrentHashMap.newKeySet();

	/** Results sent but never acknowledged before the load stopped: not counted either way. */
	final Set<UUID> unsettledResults = ConcurrentHashMap.newKeySet();

	final Queue<Failure> failures = new ConcurrentLinkedQueue<>();

	final AtomicLong answered = new AtomicLong();

	/** Completion times (ms from the start) of every answered request, for requests per second by phase. */
	final Queue<Long> answeredAt = new ConcurrentLinkedQueue<>();

	Traffic(int port, long startNanos) {
		this.port = port;
		this.startNanos = startNanos;
	}

	long now() {
		return (System.nanoTime() - startNanos) / 1_000_000;
	}

	/** Visitors without cookies reading pages one after another. */
	void read(BooleanSupplier going) {
		var random = ThreadLocalRandom.current();
		var visitor = new Visitor(port);
		while (going.getAsBoolean()) {
			String path = PAGES.get(random.nextInt(PAGES.size()));
			if (path.startsWith("/plan/week")) {
				path += "&asOf=" + LocalDate.now(ZoneOffset.UTC);
			}
			visitor.forgetCookies();
			try {
				note("GET " + path, visitor.get(path), 200);
			}
			catch (UncheckedIOException failed) {
				fail("GET " + path, failed);
				pause();
			}
		}
	}

	/** After a refused connection, as a person would wait before reloading. */
	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/** A member saving one result after another; each is sent until it is acknowledged. */
	void saveResults(Visitor member, BooleanSupplier going) throws InterruptedException {
		while (going.getAsBoolean()) {
			UUID id = UUID.randomUUID();
			String body = "[" + result(id) + "]";
			boolean acknowledged = false;
			while (!acknowledged) {
				try {
					HttpResponse<String> answer = member.json("POST", "/api/v1/me/sessions", body);
					acknowledged = note("POST /api/v1/me/sessions", answer, 200);
				}
				catch (UncheckedIOException failed) {
					fail("POST /api/v1/me/sessions", failed);
				}
				if (!acknowledged) {
					if (!going.getAsBoolean()) {
						unsettledResults.add(id);
						return;
					}
					Thread.sleep(200);
				}
			}
			acknowledgedResults.add(id);
			Thread.sleep(20);
		}
	}

	/** Newsletter sign-ups, each from a fresh browser: the form's page, then the form. */
	void signUp(BooleanSupplier going) throws InterruptedException {
		var visitor = new Visitor(port);
		while (going.getAsBoolean()) {
			String address = "reader-" + UUID.randomUUID().toString().substring(0, 13) + "@example.org";
			visitor.forgetCookies();
			try {
				if (note("GET /newsletter", visitor.get("/newsletter"), 200)) {
					var answer = visitor.post("/newsletter", "email", address, "topics", "WORKOUT_IDEAS", "consentVersion",
							"v1");
					if (note("POST /newsletter", answer, 302)) {
						acknowledgedSignUps.add(address);
					}
				}
			}
			catch (UncheckedIOException failed) {
				fail("POST /newsletter", failed);
			}
			Thread.sleep(100);
		}
	}

	/** Notes an answer; true when it is the one expected. */
	boolean note(String request, HttpResponse<String> answer, int expected) {
		long at = now();
		if (answer.statusCode() == expected) {
			answered.incrementAndGet();
			answeredAt.add(at);
			return true;
		}
		failures.add(new Failure(at, request, String.valueOf(answer.statusCode())));
		return false;
	}

	private void fail(String request, RuntimeException failure) {
		Throwable cause = failure.getCause() == null ? failure : failure.getCause();
		failures.add(new Failure(now(), request, cause.getClass().getSimpleName()));
	}

	/** Requests answered as expected per second between two moments (ms from the start). */
	double perSecond(long fromMillis, long toMillis) {
		long count = answeredAt.stream().filter(at -> at >= fromMillis && at < toMillis).count();
		return toMillis <= fromMillis ? 0 : count * 1000.0 / (toMillis - fromMillis);
	}

	static String result(UUID id) {
		Instant ended = Instant.now().minusSeconds(60);
		return "{\"id\":\"" + id + "\",\"startedAt\":\"" + ended.minusSeconds(900) + "\",\"endedAt\":\"" + ended
				+ "\",\"day\":1,\"painBefore\":4,\"painAfter\":3,\"felt\":\"ABOUT_RIGHT\",\"secondsDone\":900,"
				+ "\"exercisesDone\":[],\"exercisesSkipped\":[],\"exercisesEasier\":[],\"exercisesPainful\":[],"
				+ "\"symptoms\":[],\"note\":\"\"}";
	}

}
