package org.carrywell.catalogue;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The validated, read-only exercise catalogue: every exercise, the families that group their variants and
 * the sources they cite. Built once at start-up by the loader; safe to share between threads.
 */
public final class Catalogue {

	private static final Comparator<Exercise> BY_NAME = Comparator.comparing(Exercise::name,
			String.CASE_INSENSITIVE_ORDER);

	private final Map<ExerciseId, Exercise> exercises;

	private final Map<String, Family> families;

	private final Map<String, Source> sources;

	private final String version;

	private Catalogue(Map<ExerciseId, Exercise> exercises, Map<String, Family> families,
			Map<String, Source> sources, String version) {
		this.exercises = exercises;
		this.families = families;
		this.sources = sources;
		this.version = version;
	}

	/**
	 * @param version identifies this content (a hash of the files), so that a change of content is visible
	 * @throws IllegalArgumentException on a duplicate id or key; the loader reports those with file and field
	 */
	public static Catalogue of(Collection<Exercise> exercises, Collection<Family> families,
			Collection<Source> sources, String version) {
		return new Catalogue(index(exercises.stream().sorted(BY_NAME).toList(), Exercise::id),
				index(families, Family::id), index(sources, Source::key), version);
	}

	private static <K, V> Map<K, V> index(Collection<V> values, Function<V, K> key) {
		return values.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> {
			throw new IllegalArgumentException("Duplicate key " + key.apply(a));
		}, LinkedHashMap::new));
	}

	/** Every exercise, by name. */
	public List<Exercise> exercises() {
		return List.copyOf(exercises.values());
	}

	/** The exercises that match the query, the most relevant first (see {@link ExerciseQuery#order()}). */
	public List<Exercise> exercises(ExerciseQuery query) {
		return exercises.values().stream().filter(query::matches).sorted(query.order()).toList();
	}

	public Optional<Exercise> find(ExerciseId id) {
		return Optional.ofNullable(exercises.get(id));
	}

	/** Finds by the raw id of a URL or a request; anything that is not a valid id is simply not found. */
	public Optional<Exercise> find(String id) {
		return ExerciseId.isValid(id) ? find(ExerciseId.of(id)) : Optional.empty();
	}

	public Optional<Family> family(String id) {
		return Optional.ofNullable(families.get(id));
	}

	public List<Family> families() {
		return List.copyOf(families.values());
	}

	/** The other exercises of the same family, by name. */
	public List<Exercise> otherVariantsOf(Exercise exercise) {
		return exercises.values().stream()
			.filter(other -> other.family().equals(exercise.family()) && !other.id().equals(exercise.id()))
			.toList();
	}

	/** The sources an exercise cites, in the order it cites them. */
	public List<Source> sourcesOf(Exercise exercise) {
		return exercise.sources().stream().map(sources::get).toList();
	}

	public Optional<Source> source(String key) {
		return Optional.ofNullable(sources.get(key));
	}

	public int size() {
		return exercises.size();
	}

	public String version() {
		return version;
	}

}
