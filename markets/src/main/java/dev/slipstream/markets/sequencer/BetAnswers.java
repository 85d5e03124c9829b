package dev.slipstream.markets.sequencer;

import dev.slipstream.markets.engine.BetDecision;
import dev.slipstream.platform.ConflictException;
import dev.slipstream.wire.v1.BetRejectCode;
import dev.slipstream.wire.v1.BetResult;
import java.time.InstantSource;
import java.util.concurrent.CompletionException;

/** How a shard words its answers to bets: the wire {@code BetResult} of each decision. */
final class BetAnswers {
  private final InstantSource clock;

  BetAnswers(InstantSource clock) {
    this.clock = clock;
  }

  /** The answer to a decision, stamped with the time it is acknowledged. */
  BetResult result(BetDecision decision) {
    return BetResult.newBuilder()
        .setRequestId(decision.requestId())
        .setBetId(decision.betId())
        .setStatus(decision.status())
        .setRejectCode(decision.rejectCode())
        .setRejectDetail(decision.detail())
        .setAcceptedOddsBp(decision.oddsBp())
        .setAcceptedPriceVersion(decision.priceVersion())
        .setAcknowledgedAtUnixUs(clock.instant().toEpochMilli() * 1000)
        .build();
  }

  /** A refusal that decided nothing: the same request may try again. */
  BetResult unavailable(String requestId) {
    return result(
        BetDecision.rejectedFor(
            requestId,
            BetRejectCode.BET_REJECT_CODE_UNAVAILABLE,
            "the bet engine is unavailable; try again"));
  }

  /** A stake the limits refused, or a ledger that could not be reached. */
  BetResult refusedBeforeHold(String requestId, Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof ConflictException refused) {
      BetRejectCode code =
          refused.code().equals("account_excluded")
              ? BetRejectCode.BET_REJECT_CODE_ACCOUNT_BLOCKED
              : BetRejectCode.BET_REJECT_CODE_LIMIT_EXCEEDED;
      return result(BetDecision.rejectedFor(requestId, code, refused.getMessage()));
    }
    return unavailable(requestId);
  }

  /** Whether an account id is a wallet number (digits, at most 18). */
  static boolean numeric(String accountId) {
    if (accountId.isEmpty() || accountId.length() > 18) {
      return false;
    }
    for (int i = 0; i < accountId.length(); i++) {
      if (!Character.isDigit(accountId.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
