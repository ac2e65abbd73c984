package org.carrywell.catalogue;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** A reference that exercises cite by key. The citation names the primary publication. */
public record Source(String key, String citation, @Nullable String url) {

	public Optional<String> link() {
		return Optional.ofNullable(url);
	}

}
