package org.carrywell.catalogue;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One exercise of the catalogue, exactly as its YAML file declares it. Immutable; the loader validates
 * every field before building one.
 *
 * @param targets pain area and weight 1–3 (3 = main target), in the file's order
 * @param trimesterNotes what changes in a trimester, only for trimesters in {@code trimesters}
 * @param features the safety-relevant features it has, forbidden by the safety engine's rules
 * @param sources keys into the catalogue's sources
 * @param poses how it is drawn
 */
public record Exercise(ExerciseId id, String name, String summary, Category category, String family,
		@Nullable ExerciseId easier, @Nullable ExerciseId harder, Position position, Set<Equipment> equipment,
		Map<PainArea, Integer> targets, Set<Cause> causes, Set<Trimester> trimesters,
		Map<Trimester, String> trimesterNotes, Set<Feature> features, Dose dose, List<String> steps,
		List<String> formCues, List<String> commonMistakes, List<String> stopIf, List<String> sources,
		String author, String licence, Poses poses) {

	public Exercise {
		equipment = ordered(Equipment.class, equipment);
		targets = ordered(PainArea.class, targets);
		causes = ordered(Cause.class, causes);
		trimesters = ordered(Trimester.class, trimesters);
		trimesterNotes = ordered(Trimester.class, trimesterNotes);
		features = ordered(Feature.class, features);
		steps = List.copyOf(steps);
		formCues = List.copyOf(formCues);
		commonMistakes = List.copyOf(commonMistakes);
		stopIf = List.copyOf(stopIf);
		sources = List.copyOf(sources);
	}

	/** Immutable, and iterates in the vocabulary's order, so pages and JSON are stable. */
	private static <E extends Enum<E>> Set<E> ordered(Class<E> type, Collection<E> values) {
		var set = EnumSet.noneOf(type);
		set.addAll(values);
		return Collections.unmodifiableSet(set);
	}

	private static <E extends Enum<E>, V> Map<E, V> ordered(Class<E> type, Map<E, V> values) {
		var map = new EnumMap<E, V>(type);
		map.putAll(values);
		return Collections.unmodifiableMap(map);
	}

	public Optional<ExerciseId> easierVariant() {
		return Optional.ofNullable(easier);
	}

	public Optional<ExerciseId> harderVariant() {
		return Optional.ofNullable(harder);
	}

	public boolean suitsTrimester(Trimester trimester) {
		return trimesters.contains(trimester);
	}

	/** How strongly it targets the area: 0 (not at all) to 3 (main target). */
	public int weightFor(PainArea area) {
		return targets.getOrDefault(area, 0);
	}

	public boolean has(Feature feature) {
		return features.contains(feature);
	}

	public int durationSeconds() {
		return dose.durationSeconds();
	}

}
