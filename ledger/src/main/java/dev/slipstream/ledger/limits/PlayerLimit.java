package dev.slipstream.ledger.limits;

import java.time.Instant;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * One of a player's limits as it stands now.
 *
 * @param kind what it caps
 * @param period the rolling window
 * @param amount the limit in force, minor units; empty when there is none (yet, or any more)
 * @param pendingAmount a raise waiting out its cooling-off; empty when none
 * @param pendingRemoval whether the limit is to be removed after its cooling-off
 * @param pendingFrom when the pending change takes effect; null when none
 */
public record PlayerLimit(
    LimitKind kind,
    LimitPeriod period,
    OptionalLong amount,
    OptionalLong pendingAmount,
    boolean pendingRemoval,
    @Nullable Instant pendingFrom) {}
