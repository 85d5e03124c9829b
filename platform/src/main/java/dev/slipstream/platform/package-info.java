/** Ports every Slipstream role shares: hot state, the event bus and the database. */
@NullMarked
package dev.slipstream.platform;

import org.jspecify.annotations.NullMarked;
