package org.carrywell.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The small pieces of the account pages: where sign-in may continue to, the clearance form, the export's CSV. */
class AccountFormsTests {

	@Test
	void signInContinuesOnlyToAPathOnThisSite() {
		assertThat(SignInResults.safeContinue("/plan/mine?x=1")).isEqualTo("/plan/mine?x=1");
		assertThat(SignInResults.safeContinue("//evil.example/")).isEqualTo("/account");
		assertThat(SignInResults.safeContinue("https://evil.example/")).isEqualTo("/account");
		assertThat(SignInResults.safeContinue("/\\evil.example")).isEqualTo("/account");
		assertThat(SignInResults.safeContinue("/a\r\nSet-Cookie: x")).isEqualTo("/account");
		assertThat(SignInResults.safeContinue(null)).isEqualTo("/account");
	}

	@Property(tries = 500)
	void whateverIsGivenTheTargetIsAPathOnThisSite(@ForAll String target) {
		String next = SignInResults.safeContinue(target);
		assertThat(next).startsWith("/").doesNotStartWith("//").doesNotContain("\\");
		assertThat(next.chars().noneMatch(Character::isISOControl)).isTrue();
	}

	@Test
	void aClearanceNeedsAPastDayInThisPregnancyAndAName() {
		LocalDate today = LocalDate.of(2026, 12, 1);
		assertThat(ClearanceForm.read("2026-11-20", " Midwife Anna ", today).clearance()).isNotNull()
			.satisfies(clearance -> assertThat(clearance.clearedBy()).isEqualTo("Midwife Anna"));
		assertThat(ClearanceForm.read("2026-12-02", "Anna", today).errors()).containsKey("clearedOn");
		assertThat(ClearanceForm.read("2025-01-01", "Anna", today).errors()).containsKey("clearedOn");
		assertThat(ClearanceForm.read("yesterday", "", today).errors()).containsKeys("clearedOn", "clearedBy");
		assertThat(ClearanceForm.read("2026-11-20", "x".repeat(101), today).errors()).containsKey("clearedBy");
	}

	@Test
	void theCsvQuotesWhatNeedsQuotingAndDisarmsFormulas() {
		String csv = MemberExport.csv(List.of(Map.of("note", "=HYPERLINK(\"x\")"), Map.of("note", "a, \"b\"")));
		assertThat(csv).startsWith("\uFEFFnote\r\n")
			.contains("\"'=HYPERLINK(\"\"x\"\")\"")
			.contains("\"a, \"\"b\"\"\"");
		assertThat(MemberExport.cell("+1")).isEqualTo("'+1");
		assertThat(MemberExport.cell("plain")).isEqualTo("plain");
	}

}
