package org.carrywell.catalogue.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a broken catalogue into a plain start-up report: every problem, then what to do. */
class CatalogueFailureAnalyzer extends AbstractFailureAnalyzer<CatalogueInvalidException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, CatalogueInvalidException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the files and fields named above (the format is in docs/catalogue-format.md), then start again.",
				cause);
	}

}
