package org.carrywell.accounts.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Her export as one zip: {@code carrywell-export.json} (every table), one CSV per table (RFC 4180, UTF-8 with a
 * byte-order mark so that spreadsheet programs read accents right), and a README that says what each is.
 */
final class MemberExport {

	static final String FORMAT = "carrywell-export/1";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private MemberExport() {
	}

	static Map<String, Object> document(Map<String, List<Map<String, Object>>> tables, Instant at) {
		var document = new LinkedHashMap<String, Object>();
		document.put("format", FORMAT);
		document.put("exportedAt", at.toString());
		document.put("tables", tables);
		return document;
	}

	static void writeZip(Map<String, List<Map<String, Object>>> tables, Instant at, OutputStream out)
			throws IOException {
		var zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		zip.putNextEntry(new ZipEntry("carrywell-export.json"));
		zip.write(JSON.writeValueAsBytes(document(tables, at)));
		zip.closeEntry();
		for (var table : tables.entrySet()) {
			zip.putNextEntry(new ZipEntry(table.getKey() + ".csv"));
			zip.write(csv(table.getValue()).getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		zip.putNextEntry(new ZipEntry("README.txt"));
		zip.write(("Everything Carrywell keeps about you, exported " + at + ".\r\n"
				+ "carrywell-export.json has every table; each .csv file has one of them, for a spreadsheet.\r\n"
				+ "Password and link hashes are not included: they only protect your account.\r\n")
			.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
		zip.finish();
	}

	static String csv(List<Map<String, Object>> rows) {
		var text = new StringBuilder("\uFEFF");
		if (rows.isEmpty()) {
			return text.toString();
		}
		text.append(String.join(",", rows.get(0).keySet().stream().map(MemberExport::cell).toList())).append("\r\n");
		for (Map<String, Object> row : rows) {
			text.append(String.join(",", row.values().stream().map(String::valueOf).map(MemberExport::cell).toList()))
				.append("\r\n");
		}
		return text.toString();
	}

	/** Quoted when needed; a cell a spreadsheet would run as a formula starts with an apostrophe. */
	static String cell(String value) {
		String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}

}
