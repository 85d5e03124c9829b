/**
 * The live WebSocket ({@code GET /api/live}): one connection per client carrying {@code
 * slipstream.v1.ClientMessage} and {@code ServerMessage} frames, subscriptions to bus topics with a
 * per-subscription sequence equal to the bus offset, resume after a reconnect, conflation for slow
 * clients, and bets with a request id. {@link dev.slipstream.gateway.live.LiveServices} is what the
 * composition root hands over; everything else is package-private.
 */
@NullMarked
package dev.slipstream.gateway.live;

import org.jspecify.annotations.NullMarked;
