/**
 * The bet sequencer: one thread per market shard applies commands to the {@link
 * dev.slipstream.markets.engine.BetEngine} in one total order, journals every command to PostgreSQL
 * with group commit, moves the money through the ledger, and acknowledges a bet only once both are
 * durable.
 */
@NullMarked
package dev.slipstream.markets.sequencer;

import org.jspecify.annotations.NullMarked;
