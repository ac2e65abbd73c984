package org.carrywell.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Times to and from the database (always UTC, a {@code TIMESTAMP WITH TIME ZONE} on H2 and PostgreSQL alike), and
 * rows as a member's export writes them: column name to value, times as ISO instants, nothing null.
 */
public final class Rows {

	private Rows() {
	}

	public static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** A column that is never null. */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		return Objects.requireNonNull(instantOrNull(rs, column), column);
	}

	public static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** The row for her export. */
	public static Map<String, Object> exported(ResultSet rs) throws SQLException {
		return exported(rs, Set.of());
	}

	/** The row for her export, without the columns named (lower case), such as a hash that is nobody's to read. */
	public static Map<String, Object> exported(ResultSet rs, Set<String> leftOut) throws SQLException {
		var values = new LinkedHashMap<String, Object>();
		var meta = rs.getMetaData();
		for (int column = 1; column <= meta.getColumnCount(); column++) {
			String name = meta.getColumnLabel(column).toLowerCase(Locale.ROOT);
			if (leftOut.contains(name)) {
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
