package org.carrywell.illustration.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.Trimester;
import org.carrywell.illustration.Illustration;
import org.carrywell.illustration.Illustrator;
import org.carrywell.illustration.PlausibilityCheck;
import org.carrywell.system.ContentInvalidException;
import org.carrywell.system.ContentProblem;

/**
 * The drawings as pages use them ({@code @illustrations} in templates). Every exercise is checked and drawn
 * once, at start-up, for each trimester it suits: an implausible drawing stops the application like any
 * other content mistake, naming the file and keyframe. Each use on a page gets its own id prefix, so that a
 * page may show the same exercise twice.
 */
@Component("illustrations")
public class Illustrations {

	static final String WHAT = "exercise catalogue's drawing data";

	private final Map<String, Illustration> drawings = new ConcurrentHashMap<>();

	private static final String USES = Illustrations.class.getName() + ".uses";

	private final AtomicLong uses = new AtomicLong();

	public Illustrations(Catalogue catalogue) {
		var problems = new ArrayList<ContentProblem>();
		for (Exercise exercise : catalogue.exercises()) {
			for (PlausibilityCheck.Problem problem : PlausibilityCheck.check(exercise)) {
				problems.add(new ContentProblem("exercises/" + exercise.id().value() + ".yaml", problem.field(),
						problem.message()));
			}
		}
		if (!problems.isEmpty()) {
			throw new ContentInvalidException(WHAT, problems);
		}
		for (Exercise exercise : catalogue.exercises()) {
			for (Trimester trimester : exercise.trimesters()) {
				drawing(exercise, trimester);
			}
		}
	}

	/** The start position, with the bump of {@code trimester}, or of the exercise's middle trimester when null. */
	public String still(Exercise exercise, @Nullable Trimester trimester) {
		return unique(drawing(exercise, trimester).still());
	}

	public String still(Exercise exercise) {
		return still(exercise, null);
	}

	/**
	 * The start position with the ids inside it left unnumbered, for markup that is made once and shown on many
	 * pages; each page numbers it where it shows it, with {@link #numbered}.
	 */
	public String stillToNumber(Exercise exercise, @Nullable Trimester trimester) {
		return drawing(exercise, trimester).still();
	}

	/** Markup holding one drawing from {@link #stillToNumber}, numbered as the next drawing on this page. */
	public String numbered(String markup) {
		return unique(markup);
	}

	public String animation(Exercise exercise, @Nullable Trimester trimester) {
		return unique(drawing(exercise, trimester).animation());
	}

	public String frames(Exercise exercise, @Nullable Trimester trimester) {
		return unique(drawing(exercise, trimester).frames());
	}

	/** The timing of the animation's loop, for the session player to keep it in step with the breath. */
	public Illustration timing(Exercise exercise, @Nullable Trimester trimester) {
		return drawing(exercise, trimester);
	}

	/** The trimester a drawing shows when none is asked for: the middle one the exercise suits. */
	public static Trimester shownTrimester(Exercise exercise, @Nullable Trimester asked) {
		if (asked != null && exercise.suitsTrimester(asked)) {
			return asked;
		}
		List<Trimester> suits = List.copyOf(exercise.trimesters());
		if (asked != null) {
			// The nearest it suits: a third-trimester plan shows the biggest bump the exercise allows.
			return asked.number() > suits.get(suits.size() - 1).number() ? suits.get(suits.size() - 1) : suits.get(0);
		}
		return suits.get(suits.size() / 2);
	}

	private Illustration drawing(Exercise exercise, @Nullable Trimester trimester) {
		Trimester shown = shownTrimester(exercise, trimester);
		return drawings.computeIfAbsent(exercise.id().value() + "/" + shown.number(),
				key -> Illustrator.draw(exercise, shown));
	}

	/**
	 * Numbers each drawing on a page: per request, so that the same address gives the same page, byte for byte;
	 * outside a request (mail, tests), from one counter.
	 */
	private String unique(String svg) {
		long number;
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			Object counter = request.getAttribute(USES, RequestAttributes.SCOPE_REQUEST);
			if (!(counter instanceof AtomicLong)) {
				counter = new AtomicLong();
				request.setAttribute(USES, counter, RequestAttributes.SCOPE_REQUEST);
			}
			number = ((AtomicLong) counter).incrementAndGet();
		}
		else {
			number = uses.incrementAndGet();
		}
		return Illustration.unique(svg, "f" + Long.toString(number, 36) + "-");
	}

}
