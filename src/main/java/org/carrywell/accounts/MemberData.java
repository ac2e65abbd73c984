package org.carrywell.accounts;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A module that keeps rows about a member adds them to her export through this. Erasing needs nothing from it:
 * every such table refers to the member with ON DELETE CASCADE, and the erasure test checks that no row remains.
 */
public interface MemberData {

	/** The name of the table in the export (a file name in the CSV part). */
	String name();

	/** Every row about her, column name to value, in a stable order. */
	List<Map<String, Object>> rowsOf(UUID memberId);

}
