package org.carrywell.illustration.web;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Trimester;
import org.carrywell.system.InvalidParameter;
import org.carrywell.system.InvalidParametersException;
import org.carrywell.system.PublicPages;

/**
 * The contact sheet: every exercise's keyframes on one page, to review the drawings at a glance (and to
 * photograph as a PNG in the browser tests). Shows the bump of one trimester at a time.
 */
@Controller
class IllustrationSheetController {

	private final Catalogue catalogue;

	IllustrationSheetController(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping("/exercises/illustrations")
	String sheet(@RequestParam(defaultValue = "3") int trimester, Model model, HttpServletRequest request) {
		PublicPages.markShareable(request, Set.of("trimester"));
		Trimester shown = Trimester.ofNumber(trimester)
			.orElseThrow(() -> new InvalidParametersException(List.of(new InvalidParameter("trimester",
					String.valueOf(trimester), "must be 1, 2 or 3", List.of("1", "2", "3")))));
		model.addAttribute("exercises", catalogue.exercises());
		model.addAttribute("trimester", shown);
		model.addAttribute("trimesters", Trimester.values());
		return "illustration/sheet";
	}

}
