package org.carrywell.newsletter.web;

/** One CSV field: quoted when needed, and defused when a spreadsheet would read it as a formula. */
final class Csv {

	private Csv() {
	}

	static String field(String value) {
		String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		boolean quote = safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r");
		return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
	}

}
