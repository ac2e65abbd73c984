/**
 * Newsletter: topic sign-up with double opt-in, a consent trail, signed preference and one-click unsubscribe
 * links (RFC 8058), an editor who composes issues in Markdown, and a persistent, rate-limited delivery queue
 * that never sends one issue twice to one subscriber.
 */
@ApplicationModule(allowedDependencies = { "system" })
@NullMarked
package org.carrywell.newsletter;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
