package org.carrywell.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.carrywell.accounts.internal.Accounts;
import org.carrywell.accounts.internal.Member;
import org.carrywell.accounts.internal.MemberStore;

/**
 * The limits on password and link checks, with low values, over a real port: a locked address is told how long to
 * wait, the same whether or not it has an account, and even the right password waits; a network that tries too
 * many links or registrations is slowed down too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "carrywell.accounts.sign-in.per-address=3", "carrywell.accounts.sign-in.per-network=8",
				"carrywell.accounts.mail.per-network=2" })
class AccountLimitsTests {

	static final String PASSWORD = "limits test password here";

	@LocalServerPort
	int port;

	@Autowired
	MemberStore members;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLockedOutAddressIsToldHowLongAndTheAnswerIsTheSameWithoutAnAccount() {
		var member = new Member(java.util.UUID.randomUUID(), "locked@example.org", accounts.passwords().hash(PASSWORD),
				java.time.Instant.now(), java.time.Instant.now(), java.time.Instant.now());
		members.insert(member);
		var visitor = new Visitor(port);
		for (int attempt = 0; attempt < 3; attempt++) {
			assertThat(visitor.signIn("locked@example.org", "wrong password " + attempt).statusCode()).isEqualTo(400);
			assertThat(visitor.signIn("nobody-locked@example.org", "wrong password " + attempt).statusCode())
				.isEqualTo(400);
		}
		HttpResponse<String> locked = visitor.signIn("locked@example.org", PASSWORD);
		HttpResponse<String> lockedStranger = visitor.signIn("nobody-locked@example.org", PASSWORD);
		assertThat(locked.statusCode()).isEqualTo(lockedStranger.statusCode()).isEqualTo(429);
		assertThat(locked.headers().firstValue("Retry-After")).isPresent();
		assertThat(locked.body()).contains("Please wait").containsPattern("wait \\d+ minutes");
		assertThat(Visitor.comparable(locked.body()).replace("locked@example.org", "ADDRESS"))
			.isEqualTo(Visitor.comparable(lockedStranger.body()).replace("nobody-locked@example.org", "ADDRESS"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM member_activity WHERE member_id = ? AND kind = 'SIGN_IN_LOCKED'")
			.param(member.id()).query(Integer.class).single()).as("logged once, however often refused").isEqualTo(1);

		// The network's own limit: 8 checks, then everyone from it waits, whatever address they try.
		var neighbour = new Visitor(port);
		assertThat(neighbour.signIn("someone-else@example.org", "any password at all").statusCode()).isEqualTo(429);
	}

	@Test
	void aNetworkThatRegistersTooOftenWaits() {
		var visitor = new Visitor(port);
		int refused = 0;
		for (int attempt = 0; attempt < 4; attempt++) {
			visitor.get("/account/register");
			var answer = visitor.post("/account/register", "email", "many-" + attempt + "@example.org", "password",
					PASSWORD);
			if (answer.statusCode() == 429) {
				refused++;
				assertThat(answer.body()).contains("Too many tries");
			}
		}
		assertThat(refused).isEqualTo(2);
	}

}
