package org.carrywell.system;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Content cannot be used; carries every problem found, not just the first, so an author fixes all at once.
 * Thrown at start-up, it stops the application with a report ({@link ContentFailureAnalyzer}).
 */
public class ContentInvalidException extends RuntimeException {

	private final String what;

	private final List<ContentProblem> problems;

	/** @param what what the content is, e.g. "exercise catalogue" */
	public ContentInvalidException(String what, List<ContentProblem> problems) {
		super("The " + what + " has " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n"
				+ problems.stream().map(problem -> "  - " + problem).collect(Collectors.joining("\n")));
		this.what = what;
		this.problems = List.copyOf(problems);
	}

	public String what() {
		return what;
	}

	public List<ContentProblem> problems() {
		return problems;
	}

}
