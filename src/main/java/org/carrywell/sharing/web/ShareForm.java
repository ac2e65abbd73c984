package org.carrywell.sharing.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.util.MultiValueMap;

import org.carrywell.sharing.internal.ShareStore;

/**
 * A new link as her form sends it: {@code name} (who it is for, in her words), {@code access} ({@code view} or
 * {@code adjust}), {@code days} (1–90, 30 unless she changes it) and {@code notes=yes} when her own notes may be seen.
 *
 * @param errors message keys by field
 */
public record ShareForm(String name, String access, String days, boolean notes, Map<String, String> errors) {

	static final String VIEW = "view";

	static final String ADJUST = "adjust";

	static ShareForm blank() {
		return new ShareForm("", VIEW, String.valueOf(ShareStore.DEFAULT_DAYS), false, Map.of());
	}

	static ShareForm read(MultiValueMap<String, String> parameters) {
		var errors = new LinkedHashMap<String, String>();
		String name = text(parameters.getFirst("name"));
		if (name.isEmpty()) {
			errors.put("name", "sharing.error.name");
		}
		else if (name.length() > ShareStore.MAX_NAME) {
			errors.put("name", "sharing.error.name.long");
		}
		else if (name.chars().anyMatch(Character::isISOControl)) {
			errors.put("name", "sharing.error.name.characters");
		}
		String access = text(parameters.getFirst("access"));
		if (!access.equals(VIEW) && !access.equals(ADJUST)) {
			errors.put("access", "sharing.error.access");
		}
		String days = text(parameters.getFirst("days"));
		if (parseDays(days) == null) {
			errors.put("days", "sharing.error.days");
		}
		return new ShareForm(name, access, days, "yes".equals(parameters.getFirst("notes")), errors);
	}

	private static Integer parseDays(String days) {
		try {
			int value = Integer.parseInt(days);
			return value >= 1 && value <= ShareStore.MAX_DAYS ? value : null;
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

	private static String text(String value) {
		return value == null ? "" : value.strip();
	}

	int validDays() {
		Integer value = parseDays(days);
		if (value == null) {
			throw new IllegalStateException("The form has errors: " + errors);
		}
		return value;
	}

	public boolean mayAdjust() {
		return ADJUST.equals(access);
	}

	public boolean hasError(String field) {
		return errors.containsKey(field);
	}

	public String error(String field) {
		return errors.getOrDefault(field, "");
	}

	public boolean hasErrors() {
		return !errors.isEmpty();
	}

}
