/**
 * Learn: articles on causes, habits, what to avoid and when to seek care. Markdown files with a YAML
 * header, validated at start-up (every link must resolve) and rendered without raw HTML.
 */
@ApplicationModule(allowedDependencies = { "catalogue", "system" })
@NullMarked
package org.carrywell.learn;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
