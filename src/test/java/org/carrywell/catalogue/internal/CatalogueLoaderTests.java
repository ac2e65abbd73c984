package org.carrywell.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Category;
import org.carrywell.catalogue.Dose;
import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.ExerciseId;
import org.carrywell.catalogue.Feature;
import org.carrywell.catalogue.PainArea;
import org.carrywell.catalogue.Position;
import org.carrywell.catalogue.Trimester;

import org.carrywell.system.ContentProblem;
import org.carrywell.system.ContentInvalidException;

class CatalogueLoaderTests {

	private static final CatalogueFiles TEST = CatalogueFiles.onClasspath("catalogue-test");

	@Test
	void readsEveryFieldOfAValidFile() {
		Catalogue catalogue = TEST.load();

		assertThat(catalogue.size()).isEqualTo(4);
		var tilt = catalogue.find("wall-tilt").orElseThrow();
		assertThat(tilt.name()).isEqualTo("Wall tilt");
		assertThat(tilt.category()).isEqualTo(Category.MOBILITY);
		assertThat(tilt.family()).isEqualTo("tilt");
		assertThat(tilt.harder()).isEqualTo(ExerciseId.of("floor-tilt"));
		assertThat(tilt.easier()).isNull();
		assertThat(tilt.position()).isEqualTo(Position.WALL_SUPPORTED);
		assertThat(tilt.equipment()).containsExactly(Equipment.WALL);
		assertThat(tilt.targets()).containsEntry(PainArea.LOWER_BACK, 3).containsEntry(PainArea.PELVIS_BACK, 1);
		assertThat(tilt.trimesters()).containsExactly(Trimester.FIRST, Trimester.SECOND, Trimester.THIRD);
		assertThat(tilt.trimesterNotes()).containsOnlyKeys(Trimester.THIRD);
		assertThat(tilt.features()).isEmpty();
		assertThat(tilt.dose()).isEqualTo(new Dose(2, 10, 4, null, null, 3, 30, false));
		assertThat(tilt.durationSeconds()).isEqualTo(2 * 10 * (3 + 4) + 30);
		assertThat(tilt.steps()).hasSize(4).first().isEqualTo("Stand at the wall.");
		assertThat(tilt.sources()).containsExactly("TEST-SOURCE");
		assertThat(tilt.licence()).isEqualTo("CC-BY-SA-4.0");
		assertThat(catalogue.find("half-kneel-stretch").orElseThrow().features())
			.containsExactly(Feature.ASYMMETRIC_STANCE);
		assertThat(catalogue.sourcesOf(catalogue.find("floor-tilt").orElseThrow())).extracting("key")
			.containsExactly("TEST-SOURCE", "OTHER-SOURCE");
	}

	@Test
	void versionFollowsTheContent() {
		String version = TEST.load().version();
		assertThat(TEST.load().version()).isEqualTo(version);

		var changed = edit("wall-tilt", yaml -> yaml.replace("name: Wall tilt", "name: Wall tilt, renamed"));
		assertThat(CatalogueLoader.load(changed, TEST.file("families.yaml"), TEST.file("sources.yaml")).version())
			.isNotEqualTo(version);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			unknown position          | position: WALL_SUPPORTED | position: FLYING              | position | unknown value 'FLYING'
			missing name              | 'name: Wall tilt'        | ''                            | name     | required field is missing
			id differs from file name | id: wall-tilt            | id: wall-tilts                | id       | differs from the file name
			invalid id                | id: wall-tilt            | id: Wall_Tilt                 | id       | not a valid id
			dangling harder link      | harder: floor-tilt       | harder: nowhere               | harder   | which is not in the catalogue
			link to itself            | harder: floor-tilt       | harder: wall-tilt             | harder   | points to the exercise itself
			unknown family            | family: tilt             | family: tilts                 | family   | unknown family 'tilts'
			unknown feature           | features: []             | features: [SOMERSAULT]        | features | unknown value 'SOMERSAULT'
			unknown equipment         | equipment: [WALL]        | equipment: [TRAMPOLINE]       | equipment | unknown value 'TRAMPOLINE'
			duplicate equipment       | equipment: [WALL]        | equipment: [WALL, WALL]       | equipment | lists 'WALL' twice
			unknown cause             | causes: [POSTURE_SHIFT]  | causes: [BAD_LUCK]            | causes   | unknown value 'BAD_LUCK'
			unknown trimester         | trimesters: [1, 2, 3]    | trimesters: [1, 4]            | trimesters | unknown trimester '4'
			note for other trimester  | trimesters: [1, 2, 3]    | trimesters: [1, 2]            | trimesterNotes.3 | not in 'trimesters'
			unknown source            | sources: [TEST-SOURCE]   | sources: [MADE-UP]            | sources  | unknown source 'MADE-UP'
			wrong licence             | licence: CC-BY-SA-4.0    | licence: All rights reserved  | licence  | must be CC-BY-SA-4.0
			unknown field             | 'name: Wall tilt'        | 'name: Wall tilt\\npositon: STANDING' | positon | unknown field
			bad weight                | 'LOWER_BACK: 3'          | 'LOWER_BACK: 5'               | targets.LOWER_BACK | weight must be 1, 2 or 3
			empty steps               | 'steps: [Stand at the wall., Tilt., Relax., Repeat.]' | 'steps: []' | steps | must not be empty
			text for a number         | 'reps: 10'               | 'reps: ten'                   | dose.reps | must be a whole number
			two dose kinds            | 'reps: 10'               | 'reps: 10\\n  minutes: 2'     | dose     | exactly one of reps
			reps without tempo        | '  secondsPerRep: 3'     | ''                            | dose.secondsPerRep | required with reps
			dose over 15 minutes      | 'reps: 10'               | 'reps: 100'                   | dose     | comes to 1430 seconds
			angle out of range        | 'trunk: {bend: 5}'       | 'trunk: {bend: 120}'          | poses.keyframes[1].trunk.bend | must be between -35 and 90
			unknown angle             | 'trunk: {bend: 5}'       | 'trunk: {lean: 5}'            | poses.keyframes[1].trunk.lean | unknown angle; trunk has: bend, side, twist
			unknown prop              | 'props: [WALL_BEHIND]'   | 'props: [SOFA]'               | poses.props | unknown value 'SOFA'
			unknown view              | 'view: SIDE'             | 'view: ABOVE'                 | poses.view | unknown value 'ABOVE'
			one keyframe only         | '    - shows: The pelvis tilts a little.\n      trunk: {bend: 5}' | '' | poses.keyframes | give 2 to 6
			keyframe without words    | '    - shows: The pelvis tilts a little.' | '    - breath: 40' | poses.keyframes[1].shows | required field is missing
			angle set twice           | 'trunk: {bend: 5}'       | 'arms: {raise: 20}\n      leftArm: {raise: 30}' | poses.keyframes[1].leftArm.raise | is set twice
			missing poses             | 'poses:'                 | 'drawing:'                    | poses    | required field is missing
			""")
	void reportsABrokenFieldWithFileAndField(String description, String find, String replace, String field,
			String message) {
		var files = edit("wall-tilt", yaml -> yaml.replace(find, replace.replace("\\n", "\n")));

		assertThatThrownBy(() -> CatalogueLoader.load(files, TEST.file("families.yaml"), TEST.file("sources.yaml")))
			.isInstanceOfSatisfying(ContentInvalidException.class,
					ex -> assertThat(ex.problems()).anySatisfy(problem -> {
						assertThat(problem.file()).isEqualTo("catalogue-test/exercises/wall-tilt.yaml");
						assertThat(problem.field()).isEqualTo(field);
						assertThat(problem.message()).contains(message);
					}));
	}

	@Test
	void listsEveryProblemOfEveryFileAtOnce() {
		var files = new ArrayList<>(edit("wall-tilt", yaml -> yaml.replace("position: WALL_SUPPORTED", "position: FLYING")
			.replace("licence: CC-BY-SA-4.0", "licence: MINE")));
		files.replaceAll(file -> file.baseName().equals("side-breath")
				? new CatalogueFile(file.path(), file.content().replace("breaths: 10", "breaths: 0")) : file);

		assertThatThrownBy(() -> CatalogueLoader.load(files, TEST.file("families.yaml"), TEST.file("sources.yaml")))
			.isInstanceOfSatisfying(ContentInvalidException.class, ex -> {
				assertThat(ex.problems()).extracting(ContentProblem::field).contains("position", "licence", "dose.breaths");
				assertThat(ex.getMessage()).contains("3 problems")
					.contains("catalogue-test/exercises/wall-tilt.yaml: field 'position'")
					.contains("catalogue-test/exercises/side-breath.yaml: field 'dose.breaths'");
			});
	}

	@Test
	void rejectsADuplicateId() {
		var files = new ArrayList<>(TEST.exercises());
		var original = files.stream().filter(file -> file.baseName().equals("wall-tilt")).findFirst().orElseThrow();
		assertThat(original.baseName()).isEqualTo("wall-tilt");
		files.add(new CatalogueFile(original.path().replace(".yaml", "-copy.yaml"), original.content()));

		assertThatThrownBy(() -> CatalogueLoader.load(files, TEST.file("families.yaml"), TEST.file("sources.yaml")))
			.isInstanceOfSatisfying(ContentInvalidException.class,
					ex -> assertThat(ex.problems()).anySatisfy(problem -> {
						// Files are read in name order, so the copy comes first and the original is the duplicate.
						assertThat(problem.file()).isEqualTo("catalogue-test/exercises/wall-tilt.yaml");
						assertThat(problem.field()).isEqualTo("id");
						assertThat(problem.message())
							.isEqualTo("duplicate id 'wall-tilt', already used by catalogue-test/exercises/wall-tilt-copy.yaml");
					}));
	}

	@Test
	void rejectsALoopOfEasierLinks() {
		var files = edit("wall-tilt", yaml -> yaml.replace("harder: floor-tilt", "easier: floor-tilt"));

		assertThatThrownBy(() -> CatalogueLoader.load(files, TEST.file("families.yaml"), TEST.file("sources.yaml")))
			.isInstanceOfSatisfying(ContentInvalidException.class,
					ex -> assertThat(ex.problems()).anySatisfy(problem -> {
						assertThat(problem.field()).isEqualTo("easier");
						assertThat(problem.message()).contains("comes back to this exercise");
					}));
	}

	@Test
	void reportsInvalidYamlWithItsLine() {
		var files = edit("wall-tilt", yaml -> yaml.replace("name: Wall tilt", "name: [Wall tilt"));

		assertThatThrownBy(() -> CatalogueLoader.load(files, TEST.file("families.yaml"), TEST.file("sources.yaml")))
			.isInstanceOfSatisfying(ContentInvalidException.class,
					ex -> assertThat(ex.problems()).anySatisfy(problem -> {
						assertThat(problem.file()).endsWith("wall-tilt.yaml");
						assertThat(problem.message()).contains("is not valid YAML at line");
					}));
	}

	@Test
	void rejectsDuplicateKeysInAFile() {
		var files = edit("wall-tilt", yaml -> yaml + "name: Again\n");

		assertThatThrownBy(() -> CatalogueLoader.load(files, TEST.file("families.yaml"), TEST.file("sources.yaml")))
			.isInstanceOf(ContentInvalidException.class)
			.hasMessageContaining("wall-tilt.yaml")
			.hasMessageContaining("duplicate key name");
	}

	@Test
	void rejectsAFamilyWithoutExercisesAndAnUnknownSourceUrl() {
		var families = new CatalogueFile("catalogue-test/families.yaml",
				TEST.file("families.yaml").content() + "- id: lonely\n  name: Nobody here\n");
		var sources = new CatalogueFile("catalogue-test/sources.yaml",
				TEST.file("sources.yaml").content() + "- key: PLAIN\n  citation: x\n  url: http://insecure.example\n");

		assertThatThrownBy(() -> CatalogueLoader.load(TEST.exercises(), families, sources))
			.isInstanceOfSatisfying(ContentInvalidException.class, ex -> assertThat(ex.problems())
				.extracting(ContentProblem::toString)
				.anySatisfy(text -> assertThat(text).contains("families.yaml").contains("family has no exercise"))
				.anySatisfy(text -> assertThat(text).contains("sources.yaml").contains("must start with https://")));
	}

	@Test
	void readsTheBrokenFixtureFolderAndNamesEveryFile() {
		var broken = CatalogueFiles.onClasspath("catalogue-broken");

		assertThatThrownBy(broken::load).isInstanceOfSatisfying(ContentInvalidException.class, ex -> {
			assertThat(ex.problems()).extracting(ContentProblem::file)
				.contains("catalogue-broken/exercises/bad-position.yaml", "catalogue-broken/exercises/no-dose.yaml",
						"catalogue-broken/exercises/wrong-name.yaml");
			assertThat(ex.problems()).extracting(ContentProblem::field).contains("position", "dose", "id");
		});
	}

	private static List<CatalogueFile> edit(String id, UnaryOperator<String> change) {
		return TEST.exercises()
			.stream()
			.map(file -> file.baseName().equals(id) ? new CatalogueFile(file.path(), change.apply(file.content())) : file)
			.toList();
	}

}
