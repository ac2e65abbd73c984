package org.carrywell.progress.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Rows as her export writes them: column name to value, times as ISO instants, nothing null. */
final class Rows {

	private Rows() {
	}

	static Map<String, Object> exported(ResultSet rs) throws SQLException {
		var values = new LinkedHashMap<String, Object>();
		var meta = rs.getMetaData();
		for (int column = 1; column <= meta.getColumnCount(); column++) {
			Object value = rs.getObject(column);
			if (value instanceof OffsetDateTime time) {
				value = time.toInstant().toString();
			}
			else if (value instanceof Timestamp time) {
				value = time.toInstant().toString();
			}
			values.put(meta.getColumnLabel(column).toLowerCase(Locale.ROOT),
					value == null ? "" : value instanceof Number || value instanceof Boolean ? value : value.toString());
		}
		return values;
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(java.time.ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

}
