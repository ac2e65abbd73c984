package org.carrywell.sharing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Times to and from the database (UTC), and rows as her export writes them. */
final class Rows {

	private Rows() {
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** Column name to value, times as ISO instants, nothing null; the token hash is left out (it opens nothing). */
	static Map<String, Object> exported(ResultSet rs) throws SQLException {
		var values = new LinkedHashMap<String, Object>();
		var meta = rs.getMetaData();
		for (int column = 1; column <= meta.getColumnCount(); column++) {
			String name = meta.getColumnLabel(column).toLowerCase(Locale.ROOT);
			if (name.equals("token_hash")) {
				continue;
			}
			Object value = rs.getObject(column);
			if (value instanceof OffsetDateTime time) {
				value = time.toInstant().toString();
			}
			else if (value instanceof Timestamp time) {
				value = time.toInstant().toString();
			}
			values.put(name,
					value == null ? "" : value instanceof Number || value instanceof Boolean ? value : value.toString());
		}
		return values;
	}

}
