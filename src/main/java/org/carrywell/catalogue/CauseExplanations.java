package org.carrywell.catalogue;

import java.util.Optional;

/**
 * Where a cause of back pain is explained in words. The Learn module provides it, so that an exercise page
 * can link to the article on each cause it addresses without the catalogue depending on Learn.
 */
public interface CauseExplanations {

	Optional<Explanation> explanationOf(Cause cause);

	/** @param path the page's path on this site, e.g. {@code /learn/why-back-pain-happens} */
	record Explanation(String title, String path) {
	}

}
