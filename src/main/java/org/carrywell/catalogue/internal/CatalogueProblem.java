package org.carrywell.catalogue.internal;

/**
 * One thing wrong with the catalogue.
 *
 * @param field the field's path inside the file, e.g. {@code dose.reps}, or {@code (file)} for the file as a whole
 */
public record CatalogueProblem(String file, String field, String message) {

	static final String WHOLE_FILE = "(file)";

	@Override
	public String toString() {
		return file + ": " + (WHOLE_FILE.equals(field) ? "" : "field '" + field + "': ") + message;
	}

}
