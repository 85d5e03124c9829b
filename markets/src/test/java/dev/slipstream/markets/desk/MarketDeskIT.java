package dev.slipstream.markets.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.markets.engine.RiskLimits;
import dev.slipstream.markets.live.MarketSpec;
import dev.slipstream.markets.live.Outcome;
import dev.slipstream.markets.pricing.Margin;
import dev.slipstream.markets.sequencer.ShardFixture;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.BetStatus;
import dev.slipstream.wire.v1.MarketState;
import dev.slipstream.wire.v1.MarketTemplateKind;
import dev.slipstream.wire.v1.MarketUpdate;
import dev.slipstream.wire.v1.PlaceBet;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A live market through the desk: priced with margin, bet on at its price, decided, paid. */
class MarketDeskIT {
  private ShardFixture fixture;
  private final List<MarketUpdate> updates = new CopyOnWriteArrayList<>();
  private MarketDesk desk;

  @BeforeEach
  void start() throws Exception {
    fixture = new ShardFixture();
    desk =
        new MarketDesk(
            fixture.shard,
            Margin.ODDS_RATIO,
            1.06,
            RiskLimits.DEFAULTS,
            "EUR",
            updates::add,
            Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aMarketIsPricedWithMarginTakesBetsAtItsPriceAndPaysTheWinnerWhenDecided() {
    MarketSpec market =
        new MarketSpec(
            "str-mk1",
            "str",
            MarketTemplateKind.MARKET_TEMPLATE_KIND_SPEED_THRESHOLD,
            "Runner 1 tops 9.0 m/s in the next 10 s",
            MarketSpec.YES_NO,
            1,
            0,
            10_000_000,
            9.0,
            "");
    desk.opened(market, new double[] {0.4, 0.6});
    desk.repriced(market, new double[] {0.45, 0.55});

    MarketUpdate latest = updates.getLast();
    assertThat(latest.getPriceVersion()).isEqualTo(2);
    int yesOdds = latest.getPrices(0).getDecimalOddsBp();
    assertThat(1e4 / yesOdds + 1e4 / latest.getPrices(1).getDecimalOddsBp())
        .as("the book's overround, give or take the ladder's rounding")
        .isBetween(1.059, 1.07);
    BetResult bet =
        fixture
            .shard
            .place(
                PlaceBet.newBuilder()
                    .setRequestId("r1")
                    .setAccountId(Long.toString(fixture.alice.id()))
                    .setMarketId("str-mk1")
                    .setSelectionId("yes")
                    .setStakeMinor(1_000)
                    .setCurrency("EUR")
                    .setPriceVersionSeen(2)
                    .setDecimalOddsBpSeen(yesOdds)
                    .setMediaTimeUs(3_000_000)
                    .build())
            .join();
    assertThat(bet.getStatus()).as(bet.getRejectDetail()).isEqualTo(BetStatus.BET_STATUS_ACCEPTED);

    desk.decided(
        market, new Outcome(0, 6_000_000, "runner 1 reached 9.1 m/s", List.of(), 0, 6_000_000));

    long payout = 1_000L * yesOdds / 10_000;
    ShardFixture.await(
        () -> fixture.ledger.account(fixture.alice.id()).balance() == 10_000 - 1_000 + payout,
        "Alice paid " + payout);
    assertThat(updates)
        .extracting(MarketUpdate::getState)
        .containsSubsequence(
            MarketState.MARKET_STATE_OPEN,
            MarketState.MARKET_STATE_SUSPENDED,
            MarketState.MARKET_STATE_SETTLED);
    assertThat(updates.getLast().getWinningSelectionId()).isEqualTo("yes");
    assertThat(fixture.reconcile().clean()).isTrue();
  }

  @Test
  void aStalledStreamSuspendsItsOwnMarketsOnly() {
    MarketSpec stalling = spec("a-mk1", "str_a");
    MarketSpec flowing = spec("b-mk1", "str_b");
    desk.opened(stalling, new double[] {0.5, 0.5});
    desk.opened(flowing, new double[] {0.5, 0.5});

    desk.stalled("str_a", 2_000_000);

    assertThat(bet("a-mk1", 2).getRejectCode())
        .isEqualTo(dev.slipstream.wire.v1.BetRejectCode.BET_REJECT_CODE_MARKET_SUSPENDED);
    assertThat(bet("b-mk1", 1).getStatus()).isEqualTo(BetStatus.BET_STATUS_ACCEPTED);

    desk.resumed("str_b", 3_000_000);
    assertThat(bet("a-mk1", 2).getRejectCode())
        .as("another stream resuming reopens nothing")
        .isEqualTo(dev.slipstream.wire.v1.BetRejectCode.BET_REJECT_CODE_MARKET_SUSPENDED);
    desk.resumed("str_a", 3_000_000);
    assertThat(bet("a-mk1", 3).getStatus()).isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
  }

  private static MarketSpec spec(String marketId, String streamId) {
    return new MarketSpec(
        marketId,
        streamId,
        MarketTemplateKind.MARKET_TEMPLATE_KIND_NEXT_JUMP,
        "A jump in the next 10 s",
        MarketSpec.YES_NO,
        0,
        0,
        10_000_000,
        0,
        "");
  }

  private BetResult bet(String marketId, long request) {
    MarketUpdate latest =
        updates.stream()
            .filter(u -> u.getMarketId().equals(marketId))
            .reduce((a, b) -> b)
            .orElseThrow();
    return fixture
        .shard
        .place(
            PlaceBet.newBuilder()
                .setRequestId(marketId + "-" + request)
                .setAccountId(Long.toString(fixture.alice.id()))
                .setMarketId(marketId)
                .setSelectionId("yes")
                .setStakeMinor(100)
                .setCurrency("EUR")
                .setPriceVersionSeen(latest.getPriceVersion())
                .setDecimalOddsBpSeen(latest.getPrices(0).getDecimalOddsBp())
                .setMediaTimeUs(1_000_000)
                .build())
        .join();
  }
}
