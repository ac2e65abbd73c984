package org.carrywell.catalogue.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Which filter values the library form shows as chosen: the request's own values, valid or not. */
public record FilterState(Map<String, Set<String>> chosen) {

	public static FilterState of(Map<String, List<String>> parameters) {
		return new FilterState(parameters.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> Set.copyOf(entry.getValue().stream()
				.filter(value -> value != null && !value.isBlank())
				.toList()))));
	}

	/** The values chosen for a parameter, as the request gave them. */
	public Set<String> chosenIn(String parameter) {
		return chosen.getOrDefault(parameter, Set.of());
	}

	public boolean isChosen(String parameter, Object value) {
		return chosen.getOrDefault(parameter, Set.of()).contains(String.valueOf(value));
	}

	public boolean isEmpty(String parameter) {
		return chosen.getOrDefault(parameter, Set.of()).isEmpty();
	}

	public int count() {
		return chosen.values().stream().mapToInt(Set::size).sum();
	}

}
