package dev.slipstream.ledger.fraud;

import java.util.List;
import java.util.Optional;

/**
 * One page of fraud flags, newest first.
 *
 * @param flags the flags on this page
 * @param nextCursor where the next page starts; empty on the last page
 */
public record FlagPage(List<FraudFlag> flags, Optional<String> nextCursor) {
  /** Copies the list. */
  public FlagPage {
    flags = List.copyOf(flags);
  }
}
