package org.carrywell.catalogue.web;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Category;
import org.carrywell.catalogue.Cause;
import org.carrywell.catalogue.CauseExplanations;
import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.ExerciseQuery;
import org.carrywell.catalogue.PainArea;
import org.carrywell.catalogue.Position;
import org.carrywell.catalogue.Trimester;
import org.carrywell.system.NotFoundException;
import org.carrywell.system.PublicPages;

/**
 * The exercise library. The filter is a plain GET form, so it works without JavaScript and every result
 * has a shareable URL; with htmx, only the result list is fetched and swapped in place.
 */
@Controller
class ExerciseLibraryController {

	static final String VIEW_LIBRARY = "catalogue/library";

	static final String VIEW_RESULTS = "catalogue/library :: results";

	static final String VIEW_EXERCISE = "catalogue/exercise";

	private final Catalogue catalogue;

	private final ObjectProvider<CauseExplanations> causeExplanations;

	ExerciseLibraryController(Catalogue catalogue, ObjectProvider<CauseExplanations> causeExplanations) {
		this.catalogue = catalogue;
		this.causeExplanations = causeExplanations;
	}

	@GetMapping("/exercises")
	String library(@RequestParam MultiValueMap<String, String> parameters,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmxRequest,
			@RequestHeader(name = "HX-History-Restore-Request", required = false) @Nullable String historyRestore,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		// The same for every visitor: a filter says what she looks for in the library, nothing about her.
		PublicPages.markShareable(request, Set.of(ExerciseQuery.TRIMESTER, ExerciseQuery.AREA, ExerciseQuery.POSITION,
				ExerciseQuery.EQUIPMENT, ExerciseQuery.CATEGORY));
		// The same URL answers with a whole page or with the result list: caches must keep them apart.
		response.addHeader("Vary", "HX-Request, HX-History-Restore-Request");
		ExerciseQuery.Parsed parsed = ExerciseQuery.parse(parameters);
		if (!parsed.isValid()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		List<Exercise> exercises = parsed.isValid() ? catalogue.exercises(parsed.queryOrAll()) : List.of();
		model.addAttribute("exercises", exercises);
		// The drawings show the bump of the trimester she filters by.
		model.addAttribute("shownTrimester", parsed.isValid() ? parsed.queryOrAll().trimester() : null);
		model.addAttribute("problems", parsed.problems());
		model.addAttribute("filters", FilterState.of(parameters));
		model.addAttribute("trimesters", Trimester.values());
		model.addAttribute("areas", PainArea.values());
		model.addAttribute("positions", Position.values());
		model.addAttribute("equipment", Arrays.asList(Equipment.values()));
		model.addAttribute("categories", Category.values());
		model.addAttribute("noEquipment", ExerciseQuery.NO_EQUIPMENT);
		model.addAttribute("usesHtmx", true);
		// htmx asks for the result list; a history restore (Back button) needs the whole page.
		boolean htmx = "true".equals(htmxRequest) && !"true".equals(historyRestore);
		model.addAttribute("htmx", htmx);
		return htmx ? VIEW_RESULTS : VIEW_LIBRARY;
	}

	@GetMapping("/exercises/{id}")
	String exercise(@PathVariable String id, Model model, HttpServletRequest request) {
		PublicPages.markShareable(request);
		Exercise exercise = catalogue.find(id).orElseThrow(() -> new NotFoundException("exercise", id));
		model.addAttribute("exercise", exercise);
		model.addAttribute("family", catalogue.family(exercise.family()).orElseThrow());
		model.addAttribute("easier", exercise.easierVariant().flatMap(catalogue::find).orElse(null));
		model.addAttribute("harder", exercise.harderVariant().flatMap(catalogue::find).orElse(null));
		model.addAttribute("variants", catalogue.otherVariantsOf(exercise));
		model.addAttribute("sources", catalogue.sourcesOf(exercise));
		var explanations = new EnumMap<Cause, CauseExplanations.Explanation>(Cause.class);
		causeExplanations.ifAvailable(provider -> exercise.causes()
			.forEach(cause -> provider.explanationOf(cause).ifPresent(found -> explanations.put(cause, found))));
		model.addAttribute("explanations", explanations);
		return VIEW_EXERCISE;
	}

}
