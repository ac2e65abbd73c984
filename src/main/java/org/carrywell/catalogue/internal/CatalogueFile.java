package org.carrywell.catalogue.internal;

/**
 * The text of one catalogue file and the path problems are reported against.
 *
 * @param path as a person finds it in the repository, e.g. {@code catalogue/exercises/pelvic-tilt-wall.yaml}
 */
public record CatalogueFile(String path, String content) {

	/** The file's name without folder and {@code .yaml}: what an exercise's id must equal. */
	public String baseName() {
		String name = path.substring(path.lastIndexOf('/') + 1);
		return name.endsWith(".yaml") ? name.substring(0, name.length() - ".yaml".length()) : name;
	}

}
