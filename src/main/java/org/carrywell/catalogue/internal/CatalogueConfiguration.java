package org.carrywell.catalogue.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

import org.carrywell.catalogue.Catalogue;

import org.carrywell.system.ContentProblem;
import org.carrywell.system.ContentInvalidException;

/** Loads and validates the catalogue once, at start-up: a broken file stops the application. */
@Configuration(proxyBeanMethods = false)
class CatalogueConfiguration {

	private static final Logger log = LoggerFactory.getLogger(CatalogueConfiguration.class);

	@Bean
	Catalogue catalogue(CatalogueProperties properties, ResourcePatternResolver resources) {
		String location = properties.location().endsWith("/") ? properties.location() : properties.location() + "/";
		String shownAs = location.replaceFirst("^(classpath\\*?|file):", "");
		try {
			var exerciseFiles = new ArrayList<CatalogueFile>();
			for (Resource resource : resources.getResources(location + "exercises/*.yaml")) {
				exerciseFiles.add(read(resource, shownAs + "exercises/" + resource.getFilename()));
			}
			Catalogue catalogue = CatalogueLoader.load(exerciseFiles,
					read(resources.getResource(location + "families.yaml"), shownAs + "families.yaml"),
					read(resources.getResource(location + "sources.yaml"), shownAs + "sources.yaml"));
			log.info("Exercise catalogue {} loaded from {}: {} exercises", catalogue.version(), location,
					catalogue.size());
			return catalogue;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the exercise catalogue at " + location, ex);
		}
	}

	private static CatalogueFile read(Resource resource, String shownAs) throws IOException {
		if (!resource.exists()) {
			throw new ContentInvalidException("exercise catalogue", List.of(ContentProblem.ofFile(shownAs, "is missing")));
		}
		return new CatalogueFile(shownAs, resource.getContentAsString(StandardCharsets.UTF_8));
	}

}
