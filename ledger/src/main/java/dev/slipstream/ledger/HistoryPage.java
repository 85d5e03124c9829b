package dev.slipstream.ledger;

import java.util.List;
import java.util.Optional;

/**
 * One page of an account's transfers, newest first.
 *
 * @param transfers the transfers on this page
 * @param nextCursor where the next page starts; empty on the last page
 */
public record HistoryPage(List<Transfer> transfers, Optional<String> nextCursor) {

  /** Copies the list. */
  public HistoryPage {
    transfers = List.copyOf(transfers);
  }
}
