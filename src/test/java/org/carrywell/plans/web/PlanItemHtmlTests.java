package org.carrywell.plans.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.spring6.ISpringTemplateEngine;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.PainArea;
import org.carrywell.catalogue.Trimester;
import org.carrywell.illustration.Illustration;
import org.carrywell.planning.PlanGenerator;
import org.carrywell.planning.PlanRequest;
import org.carrywell.planning.WeeklyPlan;
import org.carrywell.safety.Condition;
import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.PriorActivity;
import org.carrywell.safety.ScreeningOutcome;

/**
 * The plan items kept by {@link PlanItemHtml} are the items a fresh rendering makes: whatever plans came before, an
 * item never shows another plan's trimester note, cautions, dose or reasons.
 */
@SpringBootTest
class PlanItemHtmlTests {

	@Autowired
	PlanItemHtml kept;

	@Autowired
	ISpringTemplateEngine templates;

	@Autowired
	ApplicationContext application;

	@Autowired
	Catalogue catalogue;

	@Autowired
	PlanTexts texts;

	@Autowired
	MessageSource messages;

	private WeeklyPlan plan(int weeks, Map<PainArea, Integer> pain, Set<Condition> conditions, int minutes) {
		return PlanGenerator.generate(catalogue, new PlanRequest(GestationalAge.ofWeeks(weeks), ScreeningOutcome.CLEARED,
				pain, conditions, minutes, 4, Set.of(Equipment.MAT, Equipment.CHAIR, Equipment.WALL, Equipment.PILLOW),
				true, Set.of(), Set.of(), null, PriorActivity.ACTIVE));
	}

	@Test
	void keptItemsAreExactlyWhatAFreshRenderingMakesAcrossTrimestersConditionsAndDoses() {
		// The same exercises recur across these plans with other trimesters (notes), cautions (a condition),
		// doses (session length) and reasons (pain areas): a key missing any of them would hand one plan's item to another.
		List<WeeklyPlan> plans = new ArrayList<>();
		for (int weeks : new int[] { 10, 14, 20, 24, 34 }) {
			plans.add(plan(weeks, Map.of(PainArea.LOWER_BACK, 6), Set.of(), 15));
			plans.add(plan(weeks, Map.of(PainArea.LOWER_BACK, 6, PainArea.HIPS, 4), Set.of(), 30));
			plans.add(plan(weeks, Map.of(PainArea.PELVIS_FRONT, 5), Set.of(Condition.values()[0]), 15));
		}
		plans.forEach(plan -> plan.sessions()
			.forEach(session -> session.items().forEach(item -> kept.item(item, plan.age().trimester()))));

		int compared = 0;
		for (WeeklyPlan plan : plans) {
			Trimester trimester = plan.age().trimester();
			for (WeeklyPlan.Session session : plan.sessions()) {
				for (WeeklyPlan.Item item : session.items()) {
					var fresh = new PlanItemHtml(templates, application, texts, messages, true);
					assertThat(kept.item(item, trimester)).as("%s in week %d", item.exercise().id(), plan.age().weeks())
						.isEqualTo(fresh.item(item, trimester));
					compared++;
				}
			}
		}
		assertThat(compared).isGreaterThan(100);
	}

	@Test
	void anItemThatDiffersInOnlyOnePartIsMadeAfresh() {
		List<WeeklyPlan.Item> items = new ArrayList<>();
		for (int weeks = 6; weeks <= 40; weeks += 2) {
			for (Condition condition : Condition.values()) {
				plan(weeks, Map.of(PainArea.LOWER_BACK, 6, PainArea.HIPS, 4), Set.of(condition), 30).sessions()
					.forEach(session -> items.addAll(session.items()));
			}
		}
		WeeklyPlan.Item item = items.stream().filter(i -> i.cautions().isEmpty()).findFirst().orElseThrow();
		WeeklyPlan.Item cautioned = items.stream().filter(i -> !i.cautions().isEmpty()).findFirst().orElseThrow();
		WeeklyPlan.Item otherDose = items.stream().filter(i -> !i.dose().equals(item.dose())).findFirst().orElseThrow();
		WeeklyPlan.Item noted = items.stream()
			.filter(i -> i.exercise().trimesterNotes().containsKey(Trimester.THIRD))
			.findFirst()
			.orElseThrow();
		Trimester second = Trimester.SECOND;
		var variants = List.of(
				new Variant(item, second),
				new Variant(new WeeklyPlan.Item(item.exercise(), item.dose(), item.seconds(), item.reasons(), cautioned.cautions()), second),
				new Variant(new WeeklyPlan.Item(item.exercise(), otherDose.dose(), item.seconds(), item.reasons(), item.cautions()), second),
				new Variant(new WeeklyPlan.Item(item.exercise(), item.dose(), item.seconds() + 60, item.reasons(), item.cautions()), second),
				new Variant(new WeeklyPlan.Item(item.exercise(), item.dose(), item.seconds(), item.reasons().subList(1, item.reasons().size()), item.cautions()), second),
				new Variant(noted, Trimester.FIRST), new Variant(noted, Trimester.THIRD));
		for (Variant variant : variants) {
			var fresh = new PlanItemHtml(templates, application, texts, messages, true);
			assertThat(kept.item(variant.item(), variant.trimester())).as(variant.toString())
				.isEqualTo(fresh.item(variant.item(), variant.trimester()));
		}
	}

	@Test
	void keptLeftOutLinesAreWhatAFreshRenderingMakesAndAProvidersWordsAreNeverKept() {
		int compared = 0;
		for (int weeks : new int[] { 10, 20, 34 }) {
			for (Condition condition : Condition.values()) {
				WeeklyPlan plan = plan(weeks, Map.of(PainArea.LOWER_BACK, 6), Set.of(condition), 15);
				for (WeeklyPlan.LeftOut left : plan.leftOut()) {
					var fresh = new PlanItemHtml(templates, application, texts, messages, true);
					assertThat(kept.leftOutLine(left, null)).as("%s in week %d", left.exercise().id(), weeks)
						.isEqualTo(fresh.leftOutLine(left, null));
					compared++;
				}
			}
		}
		assertThat(compared).isGreaterThan(100);

		WeeklyPlan.LeftOut left = plan(20, Map.of(PainArea.LOWER_BACK, 6), Set.of(), 15).leftOut().get(0);
		assertThat(kept.leftOutLine(left, "Left out by Sam: knees")).contains("Left out by Sam: knees");
		assertThat(kept.leftOutLine(left, "Left out by Alex: hips")).contains("Left out by Alex: hips")
			.doesNotContain("Sam");
		assertThat(kept.leftOutLine(left, null)).doesNotContain("Left out by");
	}

	private record Variant(WeeklyPlan.Item item, Trimester trimester) {
	}

	@Test
	void anItemHoldsItsNameDoseCautionsAndReasonsWithTheDrawingLeftForThePageToNumber() {
		WeeklyPlan plan = plan(30, Map.of(PainArea.LOWER_BACK, 6), Set.of(), 15);
		WeeklyPlan.Item item = plan.sessions().get(0).items().get(0);
		String html = kept.item(item, plan.age().trimester());
		assertThat(html).startsWith("<li>")
			.contains("href=\"/exercises/" + item.exercise().id().value() + "\"")
			.contains(">" + HtmlUtils.htmlEscape(item.exercise().name()) + "<")
			.contains("<details class=\"why\">")
			.contains("<svg")
			.contains("id=\"@@");
	}

	@Test
	void theDrawingsOfASessionKeepTheirIdsApartWhenThePageNumbersTheSessionAsOne() {
		WeeklyPlan.Session session = plan(24, Map.of(PainArea.LOWER_BACK, 6), Set.of(), 30).sessions().get(0);
		String numbered = Illustration.unique(kept.items(session, Trimester.SECOND), "f1-");
		List<String> ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(numbered).results().map(m -> m.group(1)).toList();
		assertThat(session.items()).hasSizeGreaterThan(2);
		assertThat(ids).hasSizeGreaterThanOrEqualTo(session.items().size()).doesNotHaveDuplicates()
			.allMatch(id -> id.startsWith("f1-"));
		assertThat(numbered).doesNotContain("@@");
	}

}
