package dev.slipstream.gateway.markets;

import dev.slipstream.gateway.live.AccountTopics;
import dev.slipstream.markets.service.SettledBet;
import dev.slipstream.platform.bus.EventBus;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.BetSettlement;
import dev.slipstream.wire.v1.BetSettlementState;
import dev.slipstream.wire.v1.BetStatus;
import java.util.function.Consumer;

/**
 * Tells bettors on their live socket's account topic when a bet of theirs is settled, voided or
 * cancelled, or, waiting out a bet delay, confirmed.
 */
public final class BetSettlements {
  private BetSettlements() {}

  /** Returns the wire message for {@code bet}. */
  public static BetSettlement of(SettledBet bet) {
    return BetSettlement.newBuilder()
        .setBetId(bet.betId())
        .setMarketId(bet.marketId())
        .setState(BetSettlementState.valueOf("BET_SETTLEMENT_STATE_" + bet.state()))
        .setPayoutMinor(bet.payoutMinor())
        .setCurrency(bet.currency())
        .setEvidenceUrl(bet.hasEvidence() ? MarketJson.evidenceUrl(bet.marketId()) : "")
        .setSettledAtUnixUs(
            bet.settledAt().getEpochSecond() * 1_000_000 + bet.settledAt().getNano() / 1_000)
        .build();
  }

  /**
   * Returns a listener that appends each settled bet to its bettor's account topic on {@code bus}.
   */
  public static Consumer<SettledBet> publisher(EventBus bus) {
    return bet -> {
      if (bet.state().equals("OPEN")) {
        AccountTopics.publish(bus, bet.userId(), confirmation(bet));
      } else {
        AccountTopics.publish(bus, bet.userId(), of(bet));
      }
    };
  }

  /**
   * The later {@code BetResult} a {@code PENDING} answer promised: the bet's delay ran out and it
   * stands ({@code ACCEPTED}). A delay that ends in a lapse is a {@code VOID} settlement instead.
   */
  public static BetResult confirmation(SettledBet bet) {
    return BetResult.newBuilder()
        .setBetId(bet.betId())
        .setStatus(BetStatus.BET_STATUS_ACCEPTED)
        .setAcknowledgedAtUnixUs(
            bet.settledAt().getEpochSecond() * 1_000_000 + bet.settledAt().getNano() / 1_000)
        .build();
  }
}
