/**
 * The bet engine's core: markets as the single writer of a shard holds them in memory, and the
 * decision on every bet command in one total order with the markets' state changes. Nothing here
 * does I/O or reads a clock; time comes in with each command, so a journal replays exactly.
 */
@NullMarked
package dev.slipstream.markets.engine;

import org.jspecify.annotations.NullMarked;
