package org.carrywell.catalogue;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds exercises for tests: {@code anExercise().inPosition(SUPINE).withFeatures(WIDE_LEG).build()}. */
public final class ExerciseTestData {

	private String id = "test-exercise";

	private String family = "test-family";

	private Position position = Position.STANDING;

	private Set<Equipment> equipment = EnumSet.noneOf(Equipment.class);

	private Set<Feature> features = EnumSet.noneOf(Feature.class);

	private Set<Trimester> trimesters = EnumSet.allOf(Trimester.class);

	private Map<PainArea, Integer> targets = new EnumMap<>(Map.of(PainArea.LOWER_BACK, 2));

	private Category category = Category.MOBILITY;

	private Poses poses = new Poses(Poses.View.SIDE, Set.of(),
			List.of(new Keyframe("Start.", null, Map.of(), 0), new Keyframe("End.", null, Map.of(Angle.TRUNK_BEND, 10), 0)));

	private ExerciseTestData() {
	}

	public static ExerciseTestData anExercise() {
		return new ExerciseTestData();
	}

	public ExerciseTestData withId(String id) {
		this.id = id;
		return this;
	}

	public ExerciseTestData inFamily(String family) {
		this.family = family;
		return this;
	}

	public ExerciseTestData drawnAs(Poses poses) {
		this.poses = poses;
		return this;
	}

	public ExerciseTestData inPosition(Position position) {
		this.position = position;
		return this;
	}

	public ExerciseTestData needing(Equipment... equipment) {
		this.equipment = Set.of(equipment);
		return this;
	}

	public ExerciseTestData withFeatures(Feature... features) {
		this.features = Set.of(features);
		return this;
	}

	public ExerciseTestData withFeatures(Set<Feature> features) {
		this.features = features;
		return this;
	}

	public ExerciseTestData forTrimesters(Trimester... trimesters) {
		this.trimesters = Set.of(trimesters);
		return this;
	}

	public ExerciseTestData forTrimesters(Set<Trimester> trimesters) {
		this.trimesters = trimesters;
		return this;
	}

	public ExerciseTestData needing(Set<Equipment> equipment) {
		this.equipment = equipment;
		return this;
	}

	public ExerciseTestData targeting(PainArea area, int weight) {
		this.targets = new EnumMap<>(Map.of(area, weight));
		return this;
	}

	public ExerciseTestData inCategory(Category category) {
		this.category = category;
		return this;
	}

	public Exercise build() {
		return new Exercise(ExerciseId.of(id), "Test " + id, "A test exercise.", category, family, null, null, position,
				equipment, targets, Set.of(Cause.POSTURE_SHIFT), trimesters, Map.of(), features,
				new Dose(1, 10, null, null, null, 3, 0, false), List.of("One.", "Two.", "Three.", "Four."),
				List.of("Cue one.", "Cue two."), List.of("Mistake one.", "Mistake two."), List.of("Stop."),
				List.of("TEST-SOURCE"), "Test author", "CC-BY-SA-4.0", poses);
	}

}
