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

  /**
   * Returns the port of several owners (e.g. the bet engine and payments): a hold is unbacked only
   * when none of {@code owners} owns it. Each owner is asked only about the holds the ones before
   * it did not claim.
   */
  static HoldBacking anyOf(List<HoldBacking> owners) {
    List<HoldBacking> copy = List.copyOf(owners);
    return openHolds -> {
      List<Hold> left = openHolds;
      for (HoldBacking owner : copy) {
        if (left.isEmpty()) {
          return List.of();
        }
        java.util.Set<Long> unclaimed = new java.util.HashSet<>(owner.unbacked(left));
        left = left.stream().filter(h -> unclaimed.contains(h.id())).toList();
      }
      return left.stream().map(Hold::id).toList();
    };
  }

  /** Returns a port that checks nothing: every hold counts as backed. */
  static HoldBacking unchecked() {
    return openHolds -> List.of();
  }
}
