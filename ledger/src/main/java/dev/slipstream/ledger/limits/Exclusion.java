package dev.slipstream.ledger.limits;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A player's break from gambling.
 *
 * @param selfExclusion true for a self-exclusion, false for a (shorter) time-out
 * @param until when it ends; null for a permanent self-exclusion
 */
public record Exclusion(boolean selfExclusion, @Nullable Instant until) {

  /** Whether it is still in force at {@code now}. */
  public boolean activeAt(Instant now) {
    return until == null || now.isBefore(until);
  }
}
