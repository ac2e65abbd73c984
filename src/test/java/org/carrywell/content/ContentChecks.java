package org.carrywell.content;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Category;
import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.Feature;
import org.carrywell.catalogue.PainArea;
import org.carrywell.catalogue.Position;
import org.carrywell.learn.Article;
import org.carrywell.safety.ExerciseContext;
import org.carrywell.safety.ExerciseRules;
import org.carrywell.safety.GestationalAge;

/**
 * The editorial rules every content change must keep. Each check returns what it found wrong, so a test can
 * show it passes on the real content and fails on a plausible mistake.
 */
final class ContentChecks {

	/** What a person who cannot get down to the floor is assumed to have at home. */
	static final Set<Equipment> HOME = EnumSet.of(Equipment.CHAIR, Equipment.WALL, Equipment.PILLOW);

	static final int MIN_OFF_THE_FLOOR = 3;

	static final int MAX_AVERAGE_SENTENCE_WORDS = 20;

	private ContentChecks() {
	}

	/**
	 * For every week and pain area, a person who cannot get down to the floor (with a chair, a wall and
	 * pillows, and that area hurting at 5) still has at least 3 allowed, non-cardio exercises for it.
	 */
	static List<String> enoughOffTheFloorChoices(Catalogue catalogue) {
		var findings = new ArrayList<String>();
		for (int week = 0; week <= GestationalAge.MAX_WEEKS; week++) {
			for (PainArea area : PainArea.values()) {
				var context = new ExerciseContext(GestationalAge.ofWeeks(week), Set.of(), Map.of(area, 5), HOME, false);
				long choices = ExerciseRules.assess(catalogue, context)
					.allowedExercises()
					.stream()
					.filter(exercise -> exercise.category() != Category.CARDIO && exercise.weightFor(area) > 0)
					.count();
				if (choices < MIN_OFF_THE_FLOOR) {
					findings.add("week " + week + ", " + area + ": only " + choices + " exercises off the floor");
				}
			}
		}
		return findings.stream().distinct().toList();
	}

	/**
	 * An exercise the rules can forbid for its position or features has a variant in its family without them,
	 * unless the family is listed as having no sensible safe variant.
	 */
	static List<String> safeVariantInFamily(Catalogue catalogue, Set<String> familiesWithoutSafeVariant) {
		var findings = new ArrayList<String>();
		for (Exercise exercise : catalogue.exercises()) {
			if (!restricted(exercise) || familiesWithoutSafeVariant.contains(exercise.family())) {
				continue;
			}
			boolean hasSafeVariant = catalogue.otherVariantsOf(exercise).stream().anyMatch(variant -> !restricted(variant));
			if (!hasSafeVariant) {
				findings.add(exercise.id() + " (" + exercise.family() + ") has no variant without "
						+ String.join(", ", restrictions(exercise)));
			}
		}
		return findings;
	}

	static boolean restricted(Exercise exercise) {
		return !restrictions(exercise).isEmpty();
	}

	private static List<String> restrictions(Exercise exercise) {
		var found = new ArrayList<String>();
		if (exercise.position() == Position.SUPINE || exercise.position() == Position.PRONE) {
			found.add(exercise.position().name());
		}
		exercise.features().stream().map(Feature::name).forEach(found::add);
		return found;
	}

	/** If A names B as harder, B names A as easier, and the other way round. */
	static List<String> symmetricLinks(Catalogue catalogue) {
		var findings = new ArrayList<String>();
		for (Exercise exercise : catalogue.exercises()) {
			exercise.harderVariant().flatMap(catalogue::find).ifPresent(harder -> {
				if (!exercise.id().equals(harder.easier())) {
					findings.add(exercise.id() + " names " + harder.id() + " as harder, but " + harder.id()
							+ " does not name it as easier");
				}
			});
			exercise.easierVariant().flatMap(catalogue::find).ifPresent(easier -> {
				if (!exercise.id().equals(easier.harder())) {
					findings.add(exercise.id() + " names " + easier.id() + " as easier, but " + easier.id()
							+ " does not name it as harder");
				}
			});
		}
		return findings;
	}

	static List<String> sourcesResolve(Catalogue catalogue) {
		var findings = new ArrayList<String>();
		catalogue.exercises()
			.forEach(exercise -> exercise.sources()
				.stream()
				.filter(key -> catalogue.source(key).isEmpty())
				.forEach(key -> findings.add(exercise.id() + " cites unknown source " + key)));
		return findings;
	}

	/** Instructions stay short: the steps of each exercise average under 20 words a sentence. */
	static List<String> plainSteps(Catalogue catalogue) {
		var findings = new ArrayList<String>();
		for (Exercise exercise : catalogue.exercises()) {
			double average = averageSentenceWords(exercise.steps());
			if (average >= MAX_AVERAGE_SENTENCE_WORDS) {
				findings.add(exercise.id() + ": steps average " + Math.round(average) + " words a sentence");
			}
		}
		return findings;
	}

	static double averageSentenceWords(List<String> texts) {
		int sentences = 0;
		int words = 0;
		for (String text : texts) {
			for (String sentence : text.split("(?<=[.!?])\\s+")) {
				if (!sentence.isBlank()) {
					sentences++;
					words += sentence.trim().split("\\s+").length;
				}
			}
		}
		return sentences == 0 ? 0 : (double) words / sentences;
	}

	/** Articles are 400 to 900 words long. */
	static List<String> articleLength(List<Article> articles) {
		return articles.stream()
			.filter(article -> article.words() < 400 || article.words() > 900)
			.map(article -> article.slug() + " has " + article.words() + " words; 400 to 900 are wanted")
			.toList();
	}

}
