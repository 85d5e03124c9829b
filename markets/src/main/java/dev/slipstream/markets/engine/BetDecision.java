package dev.slipstream.markets.engine;

import dev.slipstream.wire.v1.BetRejectCode;
import dev.slipstream.wire.v1.BetStatus;

/**
 * What the engine decided about one bet command.
 *
 * @param requestId the command's request id
 * @param betId the bet's id, when it was accepted or is pending; empty otherwise
 * @param status accepted, pending (a bet delay runs), or rejected
 * @param rejectCode why it was rejected; {@code UNSPECIFIED} otherwise
 * @param detail a sentence for the bettor, for rejections
 * @param oddsBp the odds the bet stands at, basis points
 * @param priceVersion the price version it was accepted at
 * @param payoutMinor what it returns if it wins, stake included
 */
public record BetDecision(
    String requestId,
    String betId,
    BetStatus status,
    BetRejectCode rejectCode,
    String detail,
    int oddsBp,
    long priceVersion,
    long payoutMinor) {

  static BetDecision rejected(String requestId, BetRejectCode code, String detail) {
    return rejectedFor(requestId, code, detail);
  }

  /** A rejection decided outside the engine (by the sequencer or the ledger). */
  public static BetDecision rejectedFor(String requestId, BetRejectCode code, String detail) {
    return new BetDecision(requestId, "", BetStatus.BET_STATUS_REJECTED, code, detail, 0, 0, 0);
  }

  /** Whether the bet stands (accepted, or pending its delay). */
  public boolean stands() {
    return status == BetStatus.BET_STATUS_ACCEPTED || status == BetStatus.BET_STATUS_PENDING;
  }
}
