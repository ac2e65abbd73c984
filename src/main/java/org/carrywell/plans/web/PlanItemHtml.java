package org.carrywell.plans.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import org.carrywell.catalogue.Dose;
import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.ExerciseId;
import org.carrywell.catalogue.Trimester;
import org.carrywell.illustration.Illustration;
import org.carrywell.planning.WeeklyPlan;
import org.carrywell.plans.ProviderAdvice;
import org.carrywell.safety.RuleHit;

/**
 * The planned exercises of a session on the plan page (each with its drawing, name, dose, length, cautions and
 * reasons), and the lines of what was left out, each line made once and then reused ({@code @planItems} in
 * templates). A week's plan shows some thirty exercises and twenty left out, and the same exercise with the same
 * dose, cautions and reasons comes out the same for everyone: making each with a dozen template expressions was
 * most of the plan page's time (docs/performance.md, issue 20). The drawings keep their ids unnumbered, apart only
 * within their session: the page numbers each session's list where it shows it ({@code @illustrations.numbered}).
 * <p>
 * What is kept is what the plan engine chose for a plan (an exercise, its dose, cautions and reasons), which names
 * no one: never her answers, dates or a provider's words, and only as long as the process lives. When Thymeleaf
 * keeps no templates ({@code spring.thymeleaf.cache=false}, while editing them), nothing is kept here either.
 */
@Component("planItems")
public class PlanItemHtml {

	static final String TEMPLATE = "plans/plan-item";

	/** About 2 KB an item: a few thousand, whatever mix of plans is being asked for. */
	private static final long MOST_CHARACTERS = 4L * 1024 * 1024;

	private final ISpringTemplateEngine templates;

	private final ApplicationContext application;

	private final PlanTexts texts;

	private final MessageSource messages;

	private final Cache<Object, String> made = Caffeine.newBuilder()
		.maximumWeight(MOST_CHARACTERS)
		.weigher((Object key, String html) -> html.length())
		.build();

	private final boolean keep;

	PlanItemHtml(ISpringTemplateEngine templates, ApplicationContext application, PlanTexts texts,
			MessageSource messages, @Value("${spring.thymeleaf.cache:true}") boolean keep) {
		this.templates = templates;
		this.application = application;
		this.texts = texts;
		this.messages = messages;
		this.keep = keep;
	}

	/**
	 * Everything an item's template reads, and nothing else: the exercise by its id (the catalogue is fixed for the
	 * process's life), the language, and where the application is mounted, for its link.
	 */
	record ItemKey(ExerciseId exercise, Dose dose, int seconds, List<WeeklyPlan.Reason> reasons, List<RuleHit> cautions,
			Trimester trimester, Locale locale, String contextPath) {
	}

	/** What a left-out exercise's line reads: the exercise, the rules that left it out and what to do instead. */
	record LeftOutKey(ExerciseId exercise, List<RuleHit> hits, List<ExerciseId> alternatives, Locale locale,
			String contextPath) {
	}

	/** A session's exercises, one list item each, in the language of the current request. */
	public String items(WeeklyPlan.Session session, Trimester trimester) {
		var html = new StringBuilder(session.items().size() * 4096);
		for (int i = 0; i < session.items().size(); i++) {
			html.append(Illustration.withinGroup(item(session.items().get(i), trimester), i));
		}
		return html.toString();
	}

	/** What was left out of her plan and why, one list item each, in the language of the current request. */
	public String leftOut(List<WeeklyPlan.LeftOut> leftOut, ProviderAdvice.Advice advice) {
		var html = new StringBuilder(leftOut.size() * 512);
		for (WeeklyPlan.LeftOut left : leftOut) {
			html.append(leftOutLine(left, left.byProvider() ? byProvider(left, advice) : null));
		}
		return html.toString();
	}

	private String byProvider(WeeklyPlan.LeftOut left, ProviderAdvice.Advice advice) {
		return advice.isEmpty() ? messages.getMessage("plan.week.leftOut.provider", null, LocaleContextHolder.getLocale())
				: texts.leftOutByProvider(left.exercise(), advice);
	}

	/** One exercise, its drawing's ids left for the page to number. */
	String item(WeeklyPlan.Item item, Trimester trimester) {
		String contextPath = contextPath();
		var key = new ItemKey(item.exercise().id(), item.dose(), item.seconds(), item.reasons(), item.cautions(),
				trimester, LocaleContextHolder.getLocale(), contextPath);
		return kept(key, () -> make("item", key.locale(), contextPath, Map.of("item", item, "trimester", trimester)));
	}

	/**
	 * One left-out exercise. A line with her provider's words ({@code byProvider}) is hers alone: it is made each
	 * time and never kept.
	 */
	String leftOutLine(WeeklyPlan.LeftOut left, @Nullable String byProvider) {
		String contextPath = contextPath();
		Locale locale = LocaleContextHolder.getLocale();
		if (byProvider != null) {
			return make("leftOut", locale, contextPath, Map.of("left", left, "byProvider", byProvider));
		}
		var key = new LeftOutKey(left.exercise().id(), left.hits(), left.alternatives().stream().map(Exercise::id).toList(),
				locale, contextPath);
		return kept(key, () -> make("leftOut", locale, contextPath, Map.of("left", left)));
	}

	private String kept(Object key, Supplier<String> making) {
		return keep ? made.get(key, missing -> making.get()) : making.get();
	}

	/** Where the application is mounted, for the links: empty at the root, and outside a request. */
	private static String contextPath() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
				? request.getRequest().getContextPath() : "";
	}

	private String make(String fragment, Locale locale, String contextPath, Map<String, Object> variables) {
		var context = new Context(locale, variables);
		context.setVariable("base", contextPath);
		// Lets the template reach beans (@doseText, @planTexts) outside a web request's view.
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(application, null));
		return templates.process(TEMPLATE, Set.of(fragment), context);
	}

}
