package org.carrywell.learn.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.learn.Articles;

/** Reads an article folder from the class path, as the application would, without Spring. */
public final class ArticleFiles {

	private ArticleFiles() {
	}

	public static List<ArticleFile> onClasspath(String folder) {
		try {
			var url = ArticleFiles.class.getClassLoader().getResource(folder);
			if (url == null) {
				throw new IllegalArgumentException("No folder " + folder + " on the class path");
			}
			try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
				return files.filter(path -> path.toString().endsWith(".md")).sorted().map(path -> {
					try {
						return new ArticleFile(folder + "/" + path.getFileName(), Files.readString(path));
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}).toList();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static Articles load(String folder, Catalogue catalogue) {
		return ArticleLoader.load(onClasspath(folder), catalogue);
	}

}
