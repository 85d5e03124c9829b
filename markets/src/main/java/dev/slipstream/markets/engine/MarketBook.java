package dev.slipstream.markets.engine;

import java.util.Arrays;
import java.util.List;

/**
 * One market as its shard's single writer holds it: selections, the current price and its version,
 * status, the media time from which bets are refused, and the book's exposure. Not thread-safe:
 * only the engine that owns it reads or writes it.
 */
public final class MarketBook {
  private final String marketId;
  private final String streamId;
  private final String currency;
  private final List<String> selectionIds;
  private final RiskLimits limits;
  private final long[] payoutIfWins;
  private int[] oddsBp;
  private long priceVersion;
  private MarketStatus status = MarketStatus.OPEN;
  private long refuseFromMediaTimeUs = Long.MAX_VALUE;
  private long totalStakes;
  private int betsAccepted;

  MarketBook(
      String marketId,
      String streamId,
      String currency,
      List<String> selectionIds,
      int[] oddsBp,
      RiskLimits limits) {
    if (selectionIds.isEmpty() || selectionIds.size() != oddsBp.length) {
      throw new IllegalArgumentException(
          "a market needs one price per selection ("
              + selectionIds.size()
              + " selections, "
              + oddsBp.length
              + " prices)");
    }
    this.marketId = marketId;
    this.streamId = streamId;
    this.currency = currency;
    this.selectionIds = List.copyOf(selectionIds);
    this.limits = limits;
    this.payoutIfWins = new long[selectionIds.size()];
    this.oddsBp = oddsBp.clone();
    this.priceVersion = 1;
  }

  public String marketId() {
    return marketId;
  }

  public String streamId() {
    return streamId;
  }

  public String currency() {
    return currency;
  }

  public List<String> selectionIds() {
    return selectionIds;
  }

  public MarketStatus status() {
    return status;
  }

  public long priceVersion() {
    return priceVersion;
  }

  /** The current decimal odds of selection {@code index}, in basis points. */
  public int oddsBp(int index) {
    return oddsBp[index];
  }

  /** The media time from which bets are refused; {@code Long.MAX_VALUE} while none is set. */
  public long refuseFromMediaTimeUs() {
    return refuseFromMediaTimeUs;
  }

  public RiskLimits limits() {
    return limits;
  }

  /** What the book pays out net if selection {@code index} wins: returns less all stakes taken. */
  public long liabilityIfWins(int index) {
    return payoutIfWins[index] - totalStakes;
  }

  /** The sum of stakes accepted. */
  public long totalStakes() {
    return totalStakes;
  }

  public int betsAccepted() {
    return betsAccepted;
  }

  int selectionIndex(String selectionId) {
    return selectionIds.indexOf(selectionId);
  }

  void reprice(int[] odds) {
    if (odds.length != oddsBp.length) {
      throw new IllegalArgumentException(
          "market " + marketId + " has " + oddsBp.length + " selections, not " + odds.length);
    }
    oddsBp = odds.clone();
    priceVersion++;
  }

  void moveTo(MarketStatus next) {
    if (!status.mayBecome(next)) {
      throw new IllegalStateException(
          "market " + marketId + " cannot go from " + status + " to " + next);
    }
    status = next;
  }

  void refuseFrom(long mediaTimeUs) {
    refuseFromMediaTimeUs = Math.min(refuseFromMediaTimeUs, mediaTimeUs);
  }

  void clearRefusal() {
    refuseFromMediaTimeUs = Long.MAX_VALUE;
  }

  void take(int index, long stake, long payout) {
    payoutIfWins[index] += payout;
    totalStakes += stake;
    betsAccepted++;
  }

  void release(int index, long stake, long payout) {
    payoutIfWins[index] -= payout;
    totalStakes -= stake;
    betsAccepted--;
  }

  /** A stable digest of the book's state, for replay checks. */
  long stateHash() {
    long h = marketId.hashCode();
    h = h * 31 + status.ordinal();
    h = h * 31 + priceVersion;
    h = h * 31 + refuseFromMediaTimeUs;
    h = h * 31 + totalStakes;
    h = h * 31 + Arrays.hashCode(payoutIfWins);
    h = h * 31 + Arrays.hashCode(oddsBp);
    return h;
  }
}
