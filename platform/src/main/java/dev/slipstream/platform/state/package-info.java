/**
 * Hot state shared by every node of a role: byte values under string keys with optional expiry, and
 * counters. {@link dev.slipstream.platform.state.StateStore} is the port; {@link
 * dev.slipstream.platform.state.StateStores} builds the in-process and Redis implementations, and
 * {@code dev.slipstream.platform.bus.SharedState} builds a store together with its event bus.
 */
@NullMarked
package dev.slipstream.platform.state;

import org.jspecify.annotations.NullMarked;
