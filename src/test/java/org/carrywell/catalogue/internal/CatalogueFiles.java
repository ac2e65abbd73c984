package org.carrywell.catalogue.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.carrywell.catalogue.Catalogue;

/** Reads a catalogue folder from the test or main resources, as the application would, without Spring. */
public final class CatalogueFiles {

	private final Path folder;

	private final String shownAs;

	private CatalogueFiles(Path folder, String shownAs) {
		this.folder = folder;
		this.shownAs = shownAs;
	}

	/** A folder on the class path, e.g. {@code catalogue} (the real one) or {@code catalogue-test}. */
	public static CatalogueFiles onClasspath(String name) {
		try {
			var url = CatalogueFiles.class.getClassLoader().getResource(name);
			if (url == null) {
				throw new IllegalArgumentException("No folder " + name + " on the class path");
			}
			return new CatalogueFiles(Path.of(url.toURI()), name + "/");
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static Catalogue realCatalogue() {
		return onClasspath("catalogue").load();
	}

	public static Catalogue testCatalogue() {
		return onClasspath("catalogue-test").load();
	}

	public Catalogue load() {
		return CatalogueLoader.load(exercises(), file("families.yaml"), file("sources.yaml"));
	}

	public List<CatalogueFile> exercises() {
		try (Stream<Path> files = Files.list(folder.resolve("exercises"))) {
			return files.filter(path -> path.toString().endsWith(".yaml"))
				.sorted()
				.map(path -> read(path, "exercises/" + path.getFileName()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public CatalogueFile file(String name) {
		return read(folder.resolve(name), name);
	}

	private CatalogueFile read(Path path, String relative) {
		try {
			return new CatalogueFile(shownAs + relative, Files.readString(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
