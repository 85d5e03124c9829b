package dev.slipstream.wire;

import dev.slipstream.wire.v1.BetRejectCode;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.BetSettlement;
import dev.slipstream.wire.v1.BetSettlementState;
import dev.slipstream.wire.v1.BetStatus;
import dev.slipstream.wire.v1.PlaceBet;
import dev.slipstream.wire.v1.WalletUpdate;
import java.util.List;

/** Sample messages of bets.proto and ledger.proto: a bet, both kinds of answer, a wallet. */
final class BetSamples {

  static final String ACCOUNT_ID = "acct-9d1e";

  private BetSamples() {}

  static List<SampleCase> cases() {
    return List.of(
        new SampleCase("place-bet", placeBet()),
        new SampleCase("bet-accepted", accepted()),
        new SampleCase("bet-rejected", rejected()),
        new SampleCase("wallet-update", wallet()));
  }

  static PlaceBet placeBet() {
    return PlaceBet.newBuilder()
        .setRequestId("0192f4a8-7c1d-7e3a-9b51-3f7c2d8e6a10")
        .setAccountId(ACCOUNT_ID)
        .setMarketId(MarketSamples.MARKET_ID)
        .setSelectionId("yes")
        .setStakeMinor(1_000)
        .setCurrency("EUR")
        .setPriceVersionSeen(40)
        .setDecimalOddsBpSeen(24_000)
        .setMediaTimeUs(12_050_000)
        .setAcceptBetterOdds(true)
        .build();
  }

  static BetResult accepted() {
    return BetResult.newBuilder()
        .setRequestId("0192f4a8-7c1d-7e3a-9b51-3f7c2d8e6a10")
        .setBetId("bet-000042")
        .setStatus(BetStatus.BET_STATUS_ACCEPTED)
        .setAcceptedOddsBp(25_000)
        .setAcceptedPriceVersion(41)
        .setAcknowledgedAtUnixUs(1_795_000_012_053_125L)
        .build();
  }

  static BetResult rejected() {
    return BetResult.newBuilder()
        .setRequestId("0192f4a8-7c1d-7e3a-9b51-3f7c2d8e6a11")
        .setStatus(BetStatus.BET_STATUS_REJECTED)
        .setRejectCode(BetRejectCode.BET_REJECT_CODE_AFTER_SUSPENSION_POINT)
        .setRejectDetail(
            "Your video was at 12.15 s; the market was suspended from 12.10 s. No money moved.")
        .setAcknowledgedAtUnixUs(1_795_000_012_160_250L)
        .build();
  }

  static BetSettlement settlement() {
    return BetSettlement.newBuilder()
        .setBetId("bet-000042")
        .setMarketId(MarketSamples.MARKET_ID)
        .setState(BetSettlementState.BET_SETTLEMENT_STATE_WON)
        .setPayoutMinor(2_500)
        .setCurrency("EUR")
        .setEvidenceUrl("/api/markets/" + MarketSamples.MARKET_ID + "/evidence")
        .setSettledAtUnixUs(1_795_000_022_400_000L)
        .build();
  }

  static WalletUpdate wallet() {
    return WalletUpdate.newBuilder()
        .setAccountId(ACCOUNT_ID)
        .setCurrency("EUR")
        .setBalanceMinor(MediaSamples.BEYOND_JS_SAFE_INTEGER)
        .setAvailableMinor(MediaSamples.BEYOND_JS_SAFE_INTEGER - 3_500)
        .setHeldMinor(3_500)
        .setLastTransferId("tr-000001234")
        .setVersion(7)
        .build();
  }
}
