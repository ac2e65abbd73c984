package org.carrywell.plans.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import org.carrywell.catalogue.Dose;
import org.carrywell.catalogue.ExerciseId;
import org.carrywell.catalogue.Trimester;
import org.carrywell.planning.WeeklyPlan;
import org.carrywell.safety.RuleHit;

/**
 * One planned exercise on the plan page (its name, dose, length, cautions and reasons), made once and then reused
 * ({@code @planItems} in templates). A week's plan shows some thirty of them, and the same exercise with the same
 * dose, cautions and reasons comes out the same for everyone: making each with a dozen template expressions was
 * most of the plan page's time (docs/performance.md, issue 20). Its drawing is kept with the ids inside it left
 * unnumbered: the page numbers them where it shows it ({@code @illustrations.numbered}).
 * <p>
 * Nothing in it is hers but what the plan engine chose, which is also in the address of her plan: the kept copies
 * hold no names, answers or dates, and live only as long as the process.
 */
@Component("planItems")
public class PlanItemHtml {

	static final String TEMPLATE = "plans/plan-item";

	/** About 2 KB each: a few thousand items, whatever mix of plans is being asked for. */
	private static final long MOST_CHARACTERS = 4L * 1024 * 1024;

	private final ISpringTemplateEngine templates;

	private final ApplicationContext application;

	private final Cache<Key, String> made = Caffeine.newBuilder()
		.maximumWeight(MOST_CHARACTERS)
		.weigher((Key key, String html) -> html.length())
		.build();

	PlanItemHtml(ISpringTemplateEngine templates, ApplicationContext application) {
		this.templates = templates;
		this.application = application;
	}

	/**
	 * Everything the item's template reads, and nothing else: the exercise by its id (the catalogue is fixed for the
	 * process's life), the language, and where the application is mounted, for its link.
	 */
	record Key(ExerciseId exercise, Dose dose, int seconds, List<WeeklyPlan.Reason> reasons, List<RuleHit> cautions,
			Trimester trimester, Locale locale, String contextPath) {
	}

	/** The item's markup, escaped as the template escapes it, in the language of the current request. */
	public String html(WeeklyPlan.Item item, Trimester trimester) {
		String contextPath = ServletUriComponentsBuilder.fromCurrentContextPath().build().getPath();
		var key = new Key(item.exercise().id(), item.dose(), item.seconds(), item.reasons(), item.cautions(), trimester,
				LocaleContextHolder.getLocale(), contextPath == null ? "" : contextPath);
		return made.get(key, missing -> make(item, trimester, missing));
	}

	private String make(WeeklyPlan.Item item, Trimester trimester, Key key) {
		var context = new Context(key.locale());
		context.setVariable("item", item);
		context.setVariable("trimester", trimester);
		context.setVariable("exerciseHref", key.contextPath() + "/exercises/" + item.exercise().id().value());
		// Lets the template reach beans (@doseText, @planTexts) outside a web request's view.
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(application, null));
		return templates.process(TEMPLATE, Set.of("item"), context);
	}

}
