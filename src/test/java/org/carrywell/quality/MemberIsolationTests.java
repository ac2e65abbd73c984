package org.carrywell.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.carrywell.accounts.Clearance;
import org.carrywell.accounts.Profile;
import org.carrywell.accounts.Visitor;
import org.carrywell.accounts.internal.Accounts;
import org.carrywell.accounts.internal.Member;
import org.carrywell.accounts.internal.MemberStore;
import org.carrywell.plans.ProviderAdvice;
import org.carrywell.sharing.internal.AdjustmentStore;
import org.carrywell.sharing.internal.CalendarFeeds;
import org.carrywell.sharing.internal.ShareStore;
import org.carrywell.catalogue.PainArea;
import org.carrywell.safety.ScreeningOutcome;
import org.carrywell.safety.ScreeningQuestion;

/**
 * No route ever shows or changes one member's data for another, or for anyone not signed in. Generated from the
 * handler mappings: every route of the application (the editor's pages excepted: they have their own login) is
 * called as member B, aiming at member A wherever an address takes a value (her passkey's id, her address and id as
 * parameters and in JSON bodies), and again without signing in. After each call, A's rows in every table about
 * her are exactly as they were, and the answer holds nothing of hers.
 * <p>
 * Links sent by e-mail (verify, reset) are the exception by design: the secret token in the address is what
 * authorises them; they are tried here with tokens that name nobody.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberIsolationTests {

	static final String PASSWORD = "member isolation password";

	/** Only member A's data carries this; no answer to B or to a visitor may. */
	static final String A_MARKER = "Midwife Alpha-Seven";

	static final LocalDate A_DUE_DATE = LocalDate.now().plusWeeks(15).plusDays(3);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MemberStore members;

	@Autowired
	Accounts accounts;

	@Test
	void noRouteShowsOrChangesOneMembersDataForAnotherOrForAVisitor() {
		Member a = member("member-a@example.org");
		Member b = member("member-b@example.org");
		givePersonalData(a);
		var memberA = new Visitor(port);
		assertThat(memberA.signIn(a.email(), PASSWORD).statusCode()).isEqualTo(302);
		var memberB = new Visitor(port);
		String aSnapshot = snapshot(a);
		var samples = new RouteSamples(context);

		var checked = new ArrayList<String>();
		for (Route route : samples.routes()) {
			if (route.isAdmin()) {
				continue;
			}
			String url = urlAimingAt(route, samples, a);
			if (!signedIn(memberB)) {
				assertThat(memberB.signIn(b.email(), PASSWORD).statusCode()).isEqualTo(302);
				memberB.get("/account/profile");
			}
			for (boolean asMember : List.of(true, false)) {
				Visitor caller = asMember ? memberB : new Visitor(port);
				if (!asMember) {
					caller.get("/account/sign-in");
				}
				HttpResponse<String> answer = call(caller, route, url, a);
				String who = (asMember ? "member B: " : "a visitor: ") + route;
				assertThat(answer.statusCode()).as(who).isLessThan(500);
				// Her address may come back only as the caller typed it (a form shown again); her data never.
				assertThat(answer.body()).as(who).doesNotContain(A_MARKER).doesNotContain(A_DUE_DATE.toString());
				assertThat(snapshot(a)).as("A's data after " + who).isEqualTo(aSnapshot);
				if (!asMember && route.isMemberOnly()) {
					assertThat(answer.statusCode()).as(who + " needs a member").isIn(302, 401, 403);
					if (answer.statusCode() == 302) {
						assertThat(answer.headers().firstValue("Location").orElseThrow()).as(who)
							.startsWith("/account/sign-in");
					}
				}
				checked.add(who);
			}
		}
		assertThat(checked).hasSizeGreaterThan(100);
		assertThat(signedIn(memberA)).as("A is still signed in after everything B did").isTrue();
	}

	private Member member(String email) {
		var member = new Member(UUID.randomUUID(), email, accounts.passwords().hash(PASSWORD), Instant.now(),
				Instant.now(), Instant.now());
		members.insert(member);
		return member;
	}

	private void givePersonalData(Member a) {
		accounts.saveProfile(a.id(), new Profile(A_DUE_DATE, java.util.Set.of(), null,
				java.util.Set.of(), true, Map.of(PainArea.LOWER_BACK, 6), 20, 3));
		accounts.saveCheck(a.id(), Map.of(ScreeningQuestion.ANAEMIA, true), ScreeningOutcome.CLEARANCE_NEEDED);
		accounts.recordClearance(a.id(), new Clearance(LocalDate.now(), A_MARKER), ScreeningOutcome.CLEARANCE_NEEDED);
		jdbc.sql("INSERT INTO user_entities (id, name, display_name) VALUES ('entity-a', ?, ?)")
			.params(a.email(), a.email()).update();
		jdbc.sql("""
				INSERT INTO user_credentials (credential_id, user_entity_user_id, public_key, signature_count,
				uv_initialized, backup_eligible, authenticator_transports, public_key_credential_type, backup_state,
				created, last_used, label) VALUES ('credential-a', 'entity-a', ?, 0, TRUE, FALSE, 'internal',
				'public-key', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?)""")
			.params(new byte[] { 1, 2, 3 }, A_MARKER).update();
		jdbc.sql("""
				INSERT INTO session_result (member_id, client_id, started_at, ended_at, seconds_done, exercises_done,
				exercises_skipped, symptoms, received_at) VALUES (?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 60,
				'cat-cow', '', '', CURRENT_TIMESTAMP)""").params(a.id(), UUID.randomUUID()).update();
		// A link she gave, a change made through it, and her calendar address.
		var share = context.getBean(ShareStore.class).create(a.id(), A_MARKER, true, true, java.time.Duration.ofDays(30),
				Instant.now());
		aShare = share.share().id();
		aChange = context.getBean(AdjustmentStore.class).add(a.id(), aShare, A_MARKER, ProviderAdvice.Kind.NOTE, null,
				null, A_MARKER, Instant.now());
		context.getBean(CalendarFeeds.class).renew(a.id(), java.time.LocalTime.of(7, 0), Instant.now());
	}

	/** Her link's id and her provider's change's id: what member B aims at on the sharing routes. */
	private UUID aShare;

	private long aChange;

	/** Her rows in every table about her, as text: any change by anyone else shows here. */
	private String snapshot(Member a) {
		var rows = new StringBuilder();
		for (String table : jdbc.sql("""
				SELECT DISTINCT LOWER(table_name) FROM information_schema.columns
				WHERE LOWER(column_name) = 'member_id' AND LOWER(table_schema) = 'public'
				ORDER BY 1""").query(String.class).list()) {
			rows.append(table).append(jdbc.sql("SELECT * FROM " + table + " WHERE member_id = ?").param(a.id())
				.query((rs, row) -> {
					var values = new ArrayList<String>();
					for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
						values.add(String.valueOf(rs.getObject(column)));
					}
					return values.toString();
				}).list()).append('\n');
		}
		rows.append(jdbc.sql("SELECT email, password_hash, verified_at FROM member WHERE id = ?").param(a.id())
			.query((rs, row) -> rs.getString(1) + rs.getString(2) + rs.getObject(3)).list());
		rows.append(jdbc.sql("SELECT credential_id, label FROM user_credentials WHERE user_entity_user_id = 'entity-a'")
			.query((rs, row) -> rs.getString(1) + rs.getString(2)).list());
		return rows.toString();
	}

	private String urlAimingAt(Route route, RouteSamples samples, Member a) {
		String url = route.pattern();
		for (String variable : route.pathVariables()) {
			String value = switch (variable) {
				case "id" -> route.pattern().startsWith("/account/passkeys/") ? "credential-a"
						: route.pattern().startsWith("/sharing/advice/") ? String.valueOf(aChange)
								: route.pattern().startsWith("/sharing/") ? aShare.toString() : samples.sample(route, variable);
				case "token" -> "a-token-that-names-nobody";
				default -> samples.sample(route, variable);
			};
			url = url.replace("{" + variable + "}", value);
		}
		String aim = "id=" + a.id() + "&member=" + a.id() + "&memberId=" + a.id() + "&email="
				+ a.email().replace("@", "%40");
		return url + (url.contains("?") ? "&" : "?") + aim;
	}

	private HttpResponse<String> call(Visitor caller, Route route, String url, Member a) {
		if (route.method() == HttpMethod.GET) {
			return caller.get(url);
		}
		if (route.json() || route.isApi()) {
			String body = url.startsWith("/api/v1/me/sessions") ? "[]"
					: "{\"id\":\"" + a.id() + "\",\"email\":\"" + a.email() + "\",\"memberId\":\"" + a.id() + "\"}";
			return caller.json(route.method().name(), url, body);
		}
		return caller.post(url, "id", a.id().toString(), "email", a.email(), "member", a.id().toString());
	}

	private static boolean signedIn(Visitor visitor) {
		return visitor.get("/api/v1/me").statusCode() == 200;
	}

}
