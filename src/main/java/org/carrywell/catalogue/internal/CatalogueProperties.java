package org.carrywell.catalogue.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the catalogue's files are: a folder holding {@code exercises/*.yaml}, {@code families.yaml} and
 * {@code sources.yaml}. The default is the copy inside the application; an editor may point it at a
 * folder on disk ({@code file:./content/catalogue/}) to try out changes without a rebuild.
 */
@ConfigurationProperties("carrywell.catalogue")
record CatalogueProperties(@DefaultValue("classpath:catalogue/") String location) {
}
