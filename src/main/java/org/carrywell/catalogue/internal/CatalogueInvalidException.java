package org.carrywell.catalogue.internal;

import java.util.List;
import java.util.stream.Collectors;

/** The catalogue cannot be used; carries every problem found, not just the first. */
public class CatalogueInvalidException extends RuntimeException {

	private final List<CatalogueProblem> problems;

	public CatalogueInvalidException(List<CatalogueProblem> problems) {
		super(describe(problems));
		this.problems = List.copyOf(problems);
	}

	public List<CatalogueProblem> problems() {
		return problems;
	}

	static String describe(List<CatalogueProblem> problems) {
		return "The exercise catalogue has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
				+ ":\n" + problems.stream().map(problem -> "  - " + problem).collect(Collectors.joining("\n"));
	}

}
