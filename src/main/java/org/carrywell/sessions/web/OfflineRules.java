package org.carrywell.sessions.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import org.carrywell.safety.RuleTable;
import org.carrywell.safety.Symptom;
import org.carrywell.safety.Urgency;
import org.carrywell.safety.WarningSignResult;

/**
 * What a page needs to apply the safety rules with no network (docs/offline.md): the engine's rule table
 * ({@link RuleTable#fromEngine()}) and the words of every answer, each as JSON to put in a
 * {@code <script type="application/json">} element (data, not script: the Content-Security-Policy is untouched).
 */
@Component
class OfflineRules {

	private final String table;

	private final MessageSource messages;

	private final JsonMapper json;

	OfflineRules(JsonMapper json, MessageSource messages) {
		this.json = json;
		this.messages = messages;
		this.table = safe(json.writeValueAsString(RuleTable.fromEngine()));
	}

	/** The rule table, made once: the engine's answers do not change while the application runs. */
	String table() {
		return table;
	}

	/** The words of a warning-sign result, by advice, urgency and sign. */
	String texts() {
		var locale = LocaleContextHolder.getLocale();
		var texts = new LinkedHashMap<String, Object>();
		var byAdvice = new LinkedHashMap<String, Map<String, String>>();
		for (WarningSignResult.Advice advice : WarningSignResult.Advice.values()) {
			byAdvice.put(advice.name(), Map.of("title", message("warning.result.title." + advice, locale), "heading",
					message("advice." + advice + ".heading", locale), "text", message("advice." + advice, locale)));
		}
		texts.put("advice", byAdvice);
		var urgencies = new LinkedHashMap<String, String>();
		Arrays.stream(Urgency.values()).forEach(urgency -> urgencies.put(urgency.name(), message("urgency." + urgency, locale)));
		texts.put("urgency", urgencies);
		var signs = new LinkedHashMap<String, String>();
		Arrays.stream(Symptom.values()).forEach(symptom -> signs.put(symptom.name(), message("symptom." + symptom, locale)));
		texts.put("symptom", signs);
		return safe(json.writeValueAsString(texts));
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	/** No "<" inside a script element, where "</script>" would end it early. */
	private static String safe(String json) {
		return json.replace("<", "\\u003c");
	}

}
