package dev.slipstream.ledger.spi;

import dev.slipstream.ledger.Hold;
import java.util.List;

/**
 * The port through which reconciliation asks the bet engine whether each open hold belongs to a bet
 * it accepted (a hold nobody owns is money a player cannot use). The markets module implements it;
 * until then {@link #unchecked()} trusts every hold.
 */
@FunctionalInterface
public interface HoldBacking {

  /** Returns the ids of those {@code openHolds} that no accepted bet (or withdrawal) owns. */
  List<Long> unbacked(List<Hold> openHolds);

  /** Returns a port that checks nothing: every hold counts as backed. */
  static HoldBacking unchecked() {
    return openHolds -> List.of();
  }
}
