package org.carrywell.system;

/**
 * One thing wrong with a content file (an exercise, an article, a vocabulary file).
 *
 * @param file the file as a person finds it in the repository, e.g. {@code catalogue/exercises/x.yaml}
 * @param field the field's path inside the file, e.g. {@code dose.reps}, or {@link #WHOLE_FILE}
 */
public record ContentProblem(String file, String field, String message) {

	public static final String WHOLE_FILE = "(file)";

	public static ContentProblem ofFile(String file, String message) {
		return new ContentProblem(file, WHOLE_FILE, message);
	}

	@Override
	public String toString() {
		return file + ": " + (WHOLE_FILE.equals(field) ? "" : "field '" + field + "': ") + message;
	}

}
