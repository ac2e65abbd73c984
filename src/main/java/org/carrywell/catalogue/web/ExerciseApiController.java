package org.carrywell.catalogue.web;

import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Category;
import org.carrywell.catalogue.ExerciseQuery;
import org.carrywell.catalogue.PainArea;
import org.carrywell.catalogue.ParameterProblem;
import org.carrywell.catalogue.Position;
import org.carrywell.system.InvalidParameter;
import org.carrywell.system.InvalidParametersException;
import org.carrywell.system.NotFoundException;

/**
 * The exercise catalogue as JSON. The catalogue only changes with a deployment, so its version is the ETag
 * ({@link WebRequest#checkNotModified(String)} sets it and answers 304 when it still matches).
 */
@RestController
@RequestMapping(path = "/api/v1/exercises", produces = "application/json")
@Tag(name = "Exercises", description = "The exercise library")
class ExerciseApiController {

	private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

	private final Catalogue catalogue;

	ExerciseApiController(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping
	@Operation(summary = "List exercises",
			description = "Filters combine (an exercise must pass each one given); repeated values of one filter are "
					+ "alternatives, except equipment, which lists what the person has (NONE: nothing).")
	@Parameter(name = ExerciseQuery.TRIMESTER, in = ParameterIn.QUERY, description = "Only exercises suitable in this trimester",
			schema = @Schema(type = "integer", allowableValues = { "1", "2", "3" }))
	@Parameter(name = ExerciseQuery.AREA, in = ParameterIn.QUERY, description = "Targets any of these pain areas",
			array = @ArraySchema(schema = @Schema(implementation = PainArea.class)))
	@Parameter(name = ExerciseQuery.POSITION, in = ParameterIn.QUERY, description = "Done in any of these positions",
			array = @ArraySchema(schema = @Schema(implementation = Position.class)))
	@Parameter(name = ExerciseQuery.EQUIPMENT, in = ParameterIn.QUERY,
			description = "Equipment the person has; NONE for nothing",
			array = @ArraySchema(schema = @Schema(type = "string",
					allowableValues = { "MAT", "CHAIR", "BALL", "WALL", "PILLOW", "BAND", "DUMBBELLS", "NONE" })))
	@Parameter(name = ExerciseQuery.CATEGORY, in = ParameterIn.QUERY, description = "Any of these categories",
			array = @ArraySchema(schema = @Schema(implementation = Category.class)))
	@ApiResponse(responseCode = "200", description = "The matching exercises, most relevant first")
	@ApiResponse(responseCode = "400", description = "A filter value is unknown; the problem names the parameter")
	ResponseEntity<ExerciseResource.ListResource> list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
			WebRequest request) {
		ExerciseQuery.Parsed parsed = ExerciseQuery.parse(parameters);
		if (!parsed.isValid()) {
			throw new InvalidParametersException(parsed.problems().stream().map(ExerciseApiController::toInvalid).toList());
		}
		if (request.checkNotModified(catalogue.version())) {
			return null;
		}
		var exercises = catalogue.exercises(parsed.queryOrAll()).stream().map(ExerciseResource::of).toList();
		return ResponseEntity.ok()
			.cacheControl(CACHE)
			.body(new ExerciseResource.ListResource(exercises.size(), exercises));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One exercise")
	@ApiResponse(responseCode = "404", description = "No exercise has this id")
	ResponseEntity<ExerciseResource> one(@PathVariable String id, WebRequest request) {
		var exercise = catalogue.find(id).orElseThrow(() -> new NotFoundException("exercise", id));
		if (request.checkNotModified(catalogue.version())) {
			return null;
		}
		return ResponseEntity.ok().cacheControl(CACHE).body(ExerciseResource.of(exercise));
	}

	private static InvalidParameter toInvalid(ParameterProblem problem) {
		return new InvalidParameter(problem.parameter(), problem.value(), problem.describe(), problem.allowedValues());
	}

}
