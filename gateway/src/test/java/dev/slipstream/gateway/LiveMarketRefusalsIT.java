package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.gateway.MarketBettors.Bettor;
import dev.slipstream.markets.desk.MarketDesk;
import dev.slipstream.markets.engine.RiskLimits;
import dev.slipstream.markets.live.MarketEvents;
import dev.slipstream.markets.live.MarketSpec;
import dev.slipstream.markets.live.Outcome;
import dev.slipstream.markets.pricing.Margin;
import dev.slipstream.wire.v1.MarketTemplateKind;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A live market (run by the desk from the analytics) refuses over {@code POST /api/bets} a bet
 * whose {@code mediaTimeUs} is at or after the moment it was suspended or decided with 409 {@code
 * after_suspension_point}, and one from before that moment with {@code market_suspended} or {@code
 * market_closed}; none of them holds money or leaves a bet.
 */
class LiveMarketRefusalsIT {
  private GatewayFixture f;
  private MarketBettors m;
  private MarketEvents live;
  private String stream;

  @BeforeEach
  void start() throws Exception {
    f = GatewayFixture.start();
    m = new MarketBettors(f);
    String operator = f.userWith("ops@example.com", "operator", "broadcaster");
    stream = f.createStream("Heat 4", operator).get("id").asText();
    live =
        f.markets.recording(
            new MarketDesk(
                f.shard,
                Margin.ODDS_RATIO,
                1.06,
                RiskLimits.DEFAULTS,
                "EUR",
                f.markets.updates(),
                Clock.systemUTC()));
  }

  @AfterEach
  void booksBalance() {
    try {
      m.assertBooksBalance();
    } finally {
      f.close();
    }
  }

  @Test
  void aBetFromAPictureAtOrPastTheSuspensionIsRefusedAfterSuspensionPoint() {
    MarketSpec market = jumpMarket(stream + "-live-1");
    live.opened(market, new double[] {0.4, 0.6});
    Bettor ann = m.funded("ann@example.com", 10_000);

    live.stalled(stream, 5_000_000);

    f.assertProblem(place(ann, "seen", market, 5_000_000), 409, "after_suspension_point");
    f.assertProblem(place(ann, "later", market, 6_000_000), 409, "after_suspension_point");
    f.assertProblem(place(ann, "before", market, 4_000_000), 409, "market_suspended");
    assertNothingHeld(ann);
  }

  @Test
  void aBetOnADecidedMarketIsToldItsPictureWasPastTheDecidingMoment() {
    MarketSpec market = jumpMarket(stream + "-live-2");
    live.opened(market, new double[] {0.4, 0.6});
    Bettor ann = m.funded("ann@example.com", 10_000);

    live.decided(
        market, new Outcome(0, 7_000_000, "runner 1 jumped 0.40 m", List.of(), 0, 7_000_000));

    f.assertProblem(place(ann, "seen", market, 7_000_000), 409, "after_suspension_point");
    f.assertProblem(place(ann, "before", market, 6_500_000), 409, "market_closed");
    assertNothingHeld(ann);
  }

  private void assertNothingHeld(Bettor bettor) {
    assertThat(m.held(bettor.walletId())).isZero();
    assertThat(m.balance(bettor.walletId())).isEqualTo(10_000);
    assertThat(f.read(f.get("/api/bets", bettor.token())).get("bets")).isEmpty();
  }

  private java.net.http.HttpResponse<String> place(
      Bettor bettor, String key, MarketSpec market, long mediaTimeUs) {
    String body =
        MarketBettors.bet(market.marketId(), "yes", 100, 20_000, 1)
            .replace("}", ",\"mediaTimeUs\":" + mediaTimeUs + "}");
    return m.place(bettor.token(), key, body);
  }

  private MarketSpec jumpMarket(String id) {
    return new MarketSpec(
        id,
        stream,
        MarketTemplateKind.MARKET_TEMPLATE_KIND_NEXT_JUMP,
        "A jump in the next 15 s",
        MarketSpec.YES_NO,
        0,
        0,
        15_000_000,
        0,
        "");
  }
}
