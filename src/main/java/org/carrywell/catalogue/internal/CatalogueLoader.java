package org.carrywell.catalogue.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Category;
import org.carrywell.catalogue.Cause;
import org.carrywell.catalogue.Dose;
import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.ExerciseId;
import org.carrywell.catalogue.Family;
import org.carrywell.catalogue.Feature;
import org.carrywell.catalogue.PainArea;
import org.carrywell.catalogue.Poses;
import org.carrywell.catalogue.Position;
import org.carrywell.catalogue.Source;
import org.carrywell.catalogue.Trimester;

import org.carrywell.system.ContentProblem;
import org.carrywell.system.ContentInvalidException;

/**
 * Turns the catalogue's YAML files into a {@link Catalogue}, or fails with every problem found, each
 * naming its file and field. Plain Java: the caller finds the files (see {@code CatalogueConfiguration}),
 * and tests feed it files directly. The format is described in {@code docs/catalogue-format.md}.
 */
public final class CatalogueLoader {

	static final String LICENCE = "CC-BY-SA-4.0";

	static final String WHAT = "exercise catalogue";

	private static final List<String> EXERCISE_FIELDS = List.of("id", "name", "summary", "category", "family",
			"easier", "harder", "position", "equipment", "targets", "causes", "trimesters", "trimesterNotes",
			"features", "dose", "steps", "formCues", "commonMistakes", "stopIf", "sources", "author", "licence", "poses");

	private static final List<String> DOSE_FIELDS = List.of("sets", "reps", "holdSeconds", "breaths", "minutes",
			"secondsPerRep", "restSeconds", "perSide");

	private static final Pattern SOURCE_KEY = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");

	private static final int MAX_TEXT = 400;

	private final List<ContentProblem> problems = new ArrayList<>();

	/** Which file first used each id, even a file with other problems, so a duplicate is always named. */
	private final Map<ExerciseId, String> fileOf = new HashMap<>();

	/** Families named by any file, even one with other problems: a family is not "unused" because of a typo elsewhere. */
	private final Set<String> familiesNamed = new HashSet<>();

	private CatalogueLoader() {
	}

	/**
	 * @throws ContentInvalidException listing every problem, if there is any
	 */
	public static Catalogue load(List<CatalogueFile> exerciseFiles, CatalogueFile familiesFile,
			CatalogueFile sourcesFile) {
		return new CatalogueLoader().build(exerciseFiles, familiesFile, sourcesFile);
	}

	private Catalogue build(List<CatalogueFile> exerciseFiles, CatalogueFile familiesFile,
			CatalogueFile sourcesFile) {
		var families = readFamilies(familiesFile);
		var sources = readSources(sourcesFile);
		var exercises = new LinkedHashMap<ExerciseId, Exercise>();
		if (exerciseFiles.isEmpty()) {
			problems.add(new ContentProblem(familiesFile.path(), ContentProblem.WHOLE_FILE,
					"no exercise files were found beside it"));
		}
		for (CatalogueFile file : exerciseFiles.stream().sorted(Comparator.comparing(CatalogueFile::path)).toList()) {
			parseMapping(file).flatMap(map -> readExercise(file, map, families.keySet(), sources.keySet()))
				.ifPresent(exercise -> exercises.put(exercise.id(), exercise));
		}
		checkLinks(exercises);
		checkEveryFamilyUsed(familiesFile, families);
		if (!problems.isEmpty()) {
			throw new ContentInvalidException(WHAT, problems);
		}
		var allFiles = new ArrayList<>(exerciseFiles);
		allFiles.add(familiesFile);
		allFiles.add(sourcesFile);
		return Catalogue.of(exercises.values(), families.values(), sources.values(), contentHash(allFiles));
	}

	private Optional<Exercise> readExercise(CatalogueFile file, Map<?, ?> map, Set<String> familyIds,
			Set<String> sourceKeys) {
		int before = problems.size();
		var fields = new YamlFields(file.path(), "", map, problems);
		fields.rejectUnknownFields(EXERCISE_FIELDS);

		String id = fields.text("id", true, 80);
		if (id != null && !ExerciseId.isValid(id)) {
			fields.problem("id", "'" + id + "' is not a valid id: use lower-case letters, digits and single hyphens");
			id = null;
		}
		if (id != null) {
			String earlier = fileOf.putIfAbsent(ExerciseId.of(id), file.path());
			if (earlier != null) {
				fields.problem("id", "duplicate id '" + id + "', already used by " + earlier);
			}
			if (!id.equals(file.baseName())) {
				fields.problem("id", "'" + id + "' differs from the file name; the file must be " + id + ".yaml");
			}
		}
		String name = fields.text("name", true, 80);
		String summary = fields.text("summary", true, MAX_TEXT);
		Category category = fields.enumValue("category", Category.class);
		String family = fields.text("family", true, 80);
		if (family != null) {
			familiesNamed.add(family);
		}
		if (family != null && !familyIds.contains(family)) {
			fields.problem("family", "unknown family '" + family + "'; add it to families.yaml or use one of: "
					+ YamlFields.sorted(familyIds));
		}
		ExerciseId easier = linkedId(fields, "easier");
		ExerciseId harder = linkedId(fields, "harder");
		Position position = fields.enumValue("position", Position.class);
		Set<Equipment> equipment = fields.enumList("equipment", Equipment.class, false);
		Map<PainArea, Integer> targets = readTargets(fields);
		Set<Cause> causes = fields.enumList("causes", Cause.class, true);
		Set<Trimester> trimesters = readTrimesters(fields);
		Map<Trimester, String> notes = readTrimesterNotes(fields, trimesters);
		Set<Feature> features = fields.enumList("features", Feature.class, false);
		Dose dose = fields.nested("dose", true).map(this::readDose).orElse(null);
		List<String> steps = fields.textList("steps", 12, MAX_TEXT);
		List<String> formCues = fields.textList("formCues", 8, MAX_TEXT);
		List<String> mistakes = fields.textList("commonMistakes", 8, MAX_TEXT);
		List<String> stopIf = fields.textList("stopIf", 8, MAX_TEXT);
		List<String> cited = fields.textList("sources", 12, 40);
		for (String key : cited) {
			if (!sourceKeys.contains(key)) {
				fields.problem("sources", "unknown source '" + key + "'; add it to sources.yaml or use one of: "
						+ YamlFields.sorted(sourceKeys));
			}
		}
		if (new HashSet<>(cited).size() != cited.size()) {
			fields.problem("sources", "cites a source twice");
		}
		String author = fields.text("author", true, 120);
		String licence = fields.text("licence", true, 40);
		if (licence != null && !LICENCE.equals(licence)) {
			fields.problem("licence", "must be " + LICENCE + " (content is CC BY-SA 4.0), was '" + licence + "'");
		}

		Poses poses = fields.nested("poses", true).flatMap(PosesReader::read).orElse(null);

		if (problems.size() > before) {
			return Optional.empty();
		}
		return Optional.of(new Exercise(ExerciseId.of(id), name, summary, category, family, easier, harder, position,
				equipment, targets, causes, trimesters, notes, features, dose, steps, formCues, mistakes, stopIf,
				cited, author, licence, poses));
	}

	private @Nullable ExerciseId linkedId(YamlFields fields, String field) {
		if (!fields.has(field)) {
			return null;
		}
		String value = fields.text(field, false, 80);
		if (value == null) {
			return null;
		}
		if (!ExerciseId.isValid(value)) {
			fields.problem(field, "'" + value + "' is not a valid exercise id");
			return null;
		}
		return ExerciseId.of(value);
	}

	private Map<PainArea, Integer> readTargets(YamlFields fields) {
		var targets = new EnumMap<PainArea, Integer>(PainArea.class);
		fields.mapping("targets", true).forEach((key, weight) -> {
			PainArea area = fields.constant("targets", key, PainArea.class);
			if (!(weight instanceof Integer value) || value < 1 || value > 3) {
				fields.problem("targets." + key, "weight must be 1, 2 or 3, was '" + weight + "'");
			}
			else if (area != null) {
				targets.put(area, value);
			}
		});
		return targets;
	}

	private Set<Trimester> readTrimesters(YamlFields fields) {
		var trimesters = new java.util.TreeSet<Trimester>();
		for (Object value : fields.list("trimesters", true)) {
			Optional<Trimester> trimester = trimester(value);
			if (trimester.isEmpty()) {
				fields.problem("trimesters", "unknown trimester '" + value + "'; allowed: 1, 2, 3");
			}
			else if (!trimesters.add(trimester.get())) {
				fields.problem("trimesters", "lists trimester " + value + " twice");
			}
		}
		return trimesters;
	}

	private Map<Trimester, String> readTrimesterNotes(YamlFields fields, Set<Trimester> trimesters) {
		var notes = new EnumMap<Trimester, String>(Trimester.class);
		fields.mapping("trimesterNotes", false).forEach((key, note) -> {
			Optional<Trimester> trimester = trimester(key);
			String field = "trimesterNotes." + key;
			if (trimester.isEmpty()) {
				fields.problem(field, "unknown trimester '" + key + "'; allowed: 1, 2, 3");
			}
			else if (!trimesters.contains(trimester.get())) {
				fields.problem(field, "a note for trimester " + key + ", which is not in 'trimesters'");
			}
			else if (!(note instanceof String text) || text.isBlank()) {
				fields.problem(field, "must be a non-empty text");
			}
			else if (text.length() > MAX_TEXT) {
				fields.problem(field, "is " + text.length() + " characters long; at most " + MAX_TEXT + " are allowed");
			}
			else {
				notes.put(trimester.get(), text.strip());
			}
		});
		return notes;
	}

	private static Optional<Trimester> trimester(@Nullable Object value) {
		if (value instanceof Integer number) {
			return Trimester.ofNumber(number);
		}
		if (value instanceof String text && text.matches("[1-3]")) {
			return Trimester.ofNumber(Integer.parseInt(text));
		}
		return Optional.empty();
	}

	private @Nullable Dose readDose(YamlFields dose) {
		int before = problems.size();
		dose.rejectUnknownFields(DOSE_FIELDS);
		Integer sets = dose.integer("sets", false, 1, 10);
		Integer reps = dose.integer("reps", false, 1, 100);
		Integer hold = dose.integer("holdSeconds", false, 1, Dose.MAX_SECONDS);
		Integer breaths = dose.integer("breaths", false, 1, 100);
		Integer minutes = dose.integer("minutes", false, 1, Dose.MAX_SECONDS / 60);
		Integer secondsPerRep = dose.integer("secondsPerRep", false, 1, 60);
		Integer rest = dose.integer("restSeconds", false, 0, 300);
		boolean perSide = dose.flag("perSide");
		if (problems.size() > before) {
			return null;
		}
		int kinds = (reps != null ? 1 : 0) + (breaths != null ? 1 : 0) + (minutes != null ? 1 : 0)
				+ (reps == null && hold != null ? 1 : 0);
		if (kinds != 1) {
			dose.problem("", "give exactly one of reps, holdSeconds (alone), breaths or minutes");
			return null;
		}
		if ((reps != null || breaths != null) && secondsPerRep == null) {
			dose.problem("secondsPerRep", "required with " + (reps != null ? "reps" : "breaths"));
			return null;
		}
		if (secondsPerRep != null && reps == null && breaths == null) {
			dose.problem("secondsPerRep", "only goes with reps or breaths");
			return null;
		}
		if (hold != null && (breaths != null || minutes != null)) {
			dose.problem("holdSeconds", "goes alone or with reps, not with breaths or minutes");
			return null;
		}
		var result = new Dose(sets == null ? 1 : sets, reps, hold, breaths, minutes, secondsPerRep,
				rest == null ? 0 : rest, perSide);
		int seconds = result.durationSeconds();
		if (seconds <= 0 || seconds > Dose.MAX_SECONDS) {
			dose.problem("", "comes to " + seconds + " seconds; an exercise must take more than 0 and at most "
					+ Dose.MAX_SECONDS + " seconds (15 minutes)");
			return null;
		}
		return result;
	}

	/** Links between exercises are checked once every file is read: they may point anywhere in the catalogue. */
	private void checkLinks(Map<ExerciseId, Exercise> exercises) {
		for (Exercise exercise : exercises.values()) {
			String file = fileOf.get(exercise.id());
			checkLink(file, "easier", exercise, exercise.easier(), exercises);
			checkLink(file, "harder", exercise, exercise.harder(), exercises);
		}
		reportLoops(exercises, "easier", Exercise::easier);
		reportLoops(exercises, "harder", Exercise::harder);
	}

	private void checkLink(String file, String field, Exercise exercise, @Nullable ExerciseId target,
			Map<ExerciseId, Exercise> exercises) {
		if (target == null) {
			return;
		}
		if (target.equals(exercise.id())) {
			problems.add(new ContentProblem(file, field, "points to the exercise itself"));
		}
		// Any file's id counts: a link to a file with its own problems is not reported twice.
		else if (!fileOf.containsKey(target)) {
			problems.add(new ContentProblem(file, field, "points to '" + target + "', which is not in the catalogue"));
		}
	}

	private void reportLoops(Map<ExerciseId, Exercise> exercises, String field,
			Function<Exercise, @Nullable ExerciseId> next) {
		for (Exercise start : exercises.values()) {
			var seen = new HashSet<ExerciseId>();
			ExerciseId current = start.id();
			while (current != null && exercises.containsKey(current) && seen.add(current)) {
				current = next.apply(exercises.get(current));
			}
			if (current != null && current.equals(start.id()) && seen.size() > 1) {
				problems.add(new ContentProblem(fileOf.get(start.id()), field,
						"following '" + field + "' from here comes back to this exercise; the chain must end"));
			}
		}
	}

	private void checkEveryFamilyUsed(CatalogueFile familiesFile, Map<String, Family> families) {
		families.keySet()
			.stream()
			.filter(id -> !familiesNamed.contains(id))
			.forEach(id -> problems.add(new ContentProblem(familiesFile.path(), id,
					"family has no exercise; remove it or add an exercise to it")));
	}

	private Map<String, Family> readFamilies(CatalogueFile file) {
		var families = new LinkedHashMap<String, Family>();
		for (YamlFields entry : entries(file, List.of("id", "name"))) {
			String id = entry.text("id", true, 80);
			String name = entry.text("name", true, 80);
			if (id != null && !ExerciseId.isValid(id)) {
				entry.problem("id", "'" + id + "' is not a valid family id: use lower-case letters, digits and hyphens");
			}
			else if (id != null && name != null && families.putIfAbsent(id, new Family(id, name)) != null) {
				entry.problem("id", "duplicate family '" + id + "'");
			}
		}
		return families;
	}

	private Map<String, Source> readSources(CatalogueFile file) {
		var sources = new LinkedHashMap<String, Source>();
		for (YamlFields entry : entries(file, List.of("key", "citation", "url"))) {
			String key = entry.text("key", true, 40);
			String citation = entry.text("citation", true, 600);
			String url = entry.text("url", false, 400);
			if (url != null && !url.startsWith("https://")) {
				entry.problem("url", "must start with https://");
			}
			if (key != null && !SOURCE_KEY.matcher(key).matches()) {
				entry.problem("key", "'" + key + "' is not a valid key: use capitals, digits and hyphens");
			}
			else if (key != null && citation != null && sources.putIfAbsent(key, new Source(key, citation, url)) != null) {
				entry.problem("key", "duplicate source '" + key + "'");
			}
		}
		return sources;
	}

	/** The entries of a file that holds a list of mappings, such as families.yaml. */
	private List<YamlFields> entries(CatalogueFile file, List<String> knownFields) {
		Object document = parse(file);
		if (document == null) {
			return List.of();
		}
		if (!(document instanceof List<?> list)) {
			problems.add(new ContentProblem(file.path(), ContentProblem.WHOLE_FILE, "must be a list of entries"));
			return List.of();
		}
		var entries = new ArrayList<YamlFields>();
		for (int i = 0; i < list.size(); i++) {
			if (list.get(i) instanceof Map<?, ?> map) {
				var entry = new YamlFields(file.path(), "[" + i + "].", map, problems);
				entry.rejectUnknownFields(knownFields);
				entries.add(entry);
			}
			else {
				problems.add(new ContentProblem(file.path(), "[" + i + "]", "must be a mapping of fields"));
			}
		}
		return entries;
	}

	private Optional<Map<?, ?>> parseMapping(CatalogueFile file) {
		Object document = parse(file);
		if (document == null) {
			return Optional.empty();
		}
		if (!(document instanceof Map<?, ?> map)) {
			problems.add(new ContentProblem(file.path(), ContentProblem.WHOLE_FILE, "must be a mapping of fields"));
			return Optional.empty();
		}
		return Optional.of(map);
	}

	/** Parses safely: plain data types only, no duplicate keys, no alias bombs. */
	private @Nullable Object parse(CatalogueFile file) {
		var options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setMaxAliasesForCollections(10);
		options.setCodePointLimit(200_000);
		try {
			Object document = new Yaml(new SafeConstructor(options)).load(file.content());
			if (document == null) {
				problems.add(new ContentProblem(file.path(), ContentProblem.WHOLE_FILE, "is empty"));
			}
			return document;
		}
		catch (MarkedYAMLException ex) {
			var mark = ex.getProblemMark();
			String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
			problems.add(new ContentProblem(file.path(), ContentProblem.WHOLE_FILE,
					"is not valid YAML" + where + ": " + ex.getProblem()));
		}
		catch (YAMLException ex) {
			problems.add(new ContentProblem(file.path(), ContentProblem.WHOLE_FILE,
					"is not valid YAML: " + ex.getMessage()));
		}
		return null;
	}

	/** A short hash of every file's path and text: changes whenever the content does. */
	static String contentHash(List<CatalogueFile> files) {
		try {
			var digest = MessageDigest.getInstance("SHA-256");
			files.stream().sorted(Comparator.comparing(CatalogueFile::path)).forEach(file -> {
				digest.update(file.path().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(file.content().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			});
			return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
