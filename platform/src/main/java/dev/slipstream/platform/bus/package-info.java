/**
 * The event bus every role shares: ordered, replayable topics with dense offsets, and fan-out
 * channels without replay. {@link dev.slipstream.platform.bus.EventBus} is the port; {@link
 * dev.slipstream.platform.bus.SharedState} builds it, together with the state store, in-process or
 * on Redis.
 */
@NullMarked
package dev.slipstream.platform.bus;

import org.jspecify.annotations.NullMarked;
