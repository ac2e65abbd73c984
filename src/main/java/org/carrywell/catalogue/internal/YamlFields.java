package org.carrywell.catalogue.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.carrywell.system.ContentProblem;

/**
 * Reads typed fields out of one parsed YAML mapping, recording a problem for each field that is missing
 * or wrong instead of stopping at the first, so that an author sees everything to fix at once.
 */
final class YamlFields {

	private final String file;

	private final String prefix;

	private final Map<?, ?> map;

	private final List<ContentProblem> problems;

	YamlFields(String file, String prefix, Map<?, ?> map, List<ContentProblem> problems) {
		this.file = file;
		this.prefix = prefix;
		this.map = map;
		this.problems = problems;
	}

	String path(String field) {
		if (field.isEmpty()) {
			return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
		}
		return prefix + field;
	}

	void problem(String field, String message) {
		problems.add(new ContentProblem(file, path(field), message));
	}

	/** Records a problem for every key that is not one of {@code known}: a typo must not pass silently. */
	void rejectUnknownFields(Collection<String> known) {
		for (Object key : map.keySet()) {
			if (!known.contains(String.valueOf(key))) {
				problems.add(new ContentProblem(file, path(String.valueOf(key)),
						"unknown field; known fields: " + String.join(", ", known)));
			}
		}
	}

	int problemCount() {
		return problems.size();
	}

	/** The fields of a mapping found inside this one, e.g. an item of a list. */
	YamlFields child(String field, Map<?, ?> nested) {
		return new YamlFields(file, path(field) + ".", nested, problems);
	}

	Map<?, ?> entries() {
		return map;
	}

	boolean has(String field) {
		return map.get(field) != null;
	}

	@Nullable String text(String field, boolean required, int maxLength) {
		Object value = map.get(field);
		if (value == null) {
			if (required) {
				problem(field, "required field is missing");
			}
			return null;
		}
		if (!(value instanceof String text) || text.isBlank()) {
			problem(field, "must be a non-empty text");
			return null;
		}
		if (text.length() > maxLength) {
			problem(field, "is " + text.length() + " characters long; at most " + maxLength + " are allowed");
			return null;
		}
		return text.strip();
	}

	@Nullable Integer integer(String field, boolean required, int min, int max) {
		Object value = map.get(field);
		if (value == null) {
			if (required) {
				problem(field, "required field is missing");
			}
			return null;
		}
		if (!(value instanceof Integer number)) {
			problem(field, "must be a whole number, was '" + value + "'");
			return null;
		}
		if (number < min || number > max) {
			problem(field, "must be between " + min + " and " + max + ", was " + number);
			return null;
		}
		return number;
	}

	boolean flag(String field) {
		Object value = map.get(field);
		if (value == null) {
			return false;
		}
		if (!(value instanceof Boolean flag)) {
			problem(field, "must be true or false, was '" + value + "'");
			return false;
		}
		return flag;
	}

	<E extends Enum<E>> @Nullable E enumValue(String field, Class<E> type) {
		Object value = map.get(field);
		if (value == null) {
			problem(field, "required field is missing");
			return null;
		}
		return constant(field, value, type);
	}

	/** A list of vocabulary ids; duplicates and unknown ids are problems. */
	<E extends Enum<E>> Set<E> enumList(String field, Class<E> type, boolean required) {
		var result = EnumSet.noneOf(type);
		for (Object item : list(field, required)) {
			E constant = constant(field, item, type);
			if (constant != null && !result.add(constant)) {
				problem(field, "lists '" + constant + "' twice");
			}
		}
		return result;
	}

	/** A non-empty list of non-empty texts, in order. */
	List<String> textList(String field, int maxItems, int maxLength) {
		var texts = new ArrayList<String>();
		List<?> items = list(field, true);
		for (int i = 0; i < items.size(); i++) {
			if (!(items.get(i) instanceof String text) || text.isBlank()) {
				problem(field + "[" + i + "]", "must be a non-empty text");
			}
			else if (text.length() > maxLength) {
				problem(field + "[" + i + "]", "is " + text.length() + " characters long; at most " + maxLength
						+ " are allowed");
			}
			else {
				texts.add(text.strip());
			}
		}
		if (items.size() > maxItems) {
			problem(field, "has " + items.size() + " items; at most " + maxItems + " are allowed");
		}
		return texts;
	}

	List<?> list(String field, boolean required) {
		Object value = map.get(field);
		if (value == null) {
			if (required) {
				problem(field, "required field is missing");
			}
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			problem(field, "must be a list");
			return List.of();
		}
		if (required && list.isEmpty()) {
			problem(field, "must not be empty");
		}
		return list;
	}

	Optional<YamlFields> nested(String field, boolean required) {
		Object value = map.get(field);
		if (value == null) {
			if (required) {
				problem(field, "required field is missing");
			}
			return Optional.empty();
		}
		if (!(value instanceof Map<?, ?> nested)) {
			problem(field, "must be a mapping of fields");
			return Optional.empty();
		}
		return Optional.of(new YamlFields(file, path(field) + ".", nested, problems));
	}

	Map<?, ?> mapping(String field, boolean required) {
		Object value = map.get(field);
		if (value == null) {
			if (required) {
				problem(field, "required field is missing");
			}
			return Map.of();
		}
		if (!(value instanceof Map<?, ?> mapping)) {
			problem(field, "must be a mapping");
			return Map.of();
		}
		if (required && mapping.isEmpty()) {
			problem(field, "must not be empty");
		}
		return new LinkedHashMap<>(mapping);
	}

	<E extends Enum<E>> @Nullable E constant(String field, @Nullable Object value, Class<E> type) {
		if (value instanceof String name) {
			for (E constant : type.getEnumConstants()) {
				if (constant.name().equals(name)) {
					return constant;
				}
			}
		}
		problem(field, "unknown value '" + value + "'; allowed: " + allowed(type));
		return null;
	}

	static <E extends Enum<E>> String allowed(Class<E> type) {
		return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
	}

	static String sorted(Collection<String> values) {
		return String.join(", ", new TreeSet<>(values));
	}

}
