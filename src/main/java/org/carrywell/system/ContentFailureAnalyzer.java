package org.carrywell.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns broken content into a plain start-up report: every problem, then what to do. */
class ContentFailureAnalyzer extends AbstractFailureAnalyzer<ContentInvalidException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ContentInvalidException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the files and fields named above, then start again. The formats are described in "
						+ "docs/catalogue-format.md (exercises) and docs/learn-format.md (articles).",
				cause);
	}

}
