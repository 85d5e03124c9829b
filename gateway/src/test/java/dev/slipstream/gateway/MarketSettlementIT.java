package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipstream.gateway.MarketBettors.Bettor;
import dev.slipstream.gateway.markets.BetSettlements;
import dev.slipstream.markets.desk.MarketDesk;
import dev.slipstream.markets.engine.RiskLimits;
import dev.slipstream.markets.live.MarketEvents;
import dev.slipstream.markets.live.MarketSpec;
import dev.slipstream.markets.live.Outcome;
import dev.slipstream.markets.live.TrackSeries;
import dev.slipstream.markets.pricing.Margin;
import dev.slipstream.markets.service.EvidenceFrames;
import dev.slipstream.markets.service.SettledBet;
import dev.slipstream.wire.v1.BetSettlement;
import dev.slipstream.wire.v1.BetSettlementState;
import dev.slipstream.wire.v1.MarketTemplateKind;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A market the analytics decide, end to end through the desk, the bet shard, the ledger and REST:
 * the winning bet is paid its stake times its odds, the losing stake stays with the house, and the
 * evidence (the speed series over the window, the deciding media time and four JPEG thumbnails
 * around it) is stored and served; a decision that arrives after an operator voided the market
 * changes nothing but the audit trail.
 */
class MarketSettlementIT {
  private static final long DECIDED_AT = 6_000_000;

  private GatewayFixture f;
  private MarketBettors m;
  private MarketEvents events;
  private String stream;
  private final List<Long> framesAskedAt = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    f = GatewayFixture.start();
    m = new MarketBettors(f);
    String caster = f.userWith("caster@example.com", "broadcaster");
    stream = f.createStream("Heat 3", caster).get("id").asText();
    MarketDesk desk =
        new MarketDesk(
            f.shard,
            Margin.ODDS_RATIO,
            1.06,
            RiskLimits.DEFAULTS,
            "EUR",
            f.markets.updates(),
            f.clock);
    events = f.markets.recording(desk);
    f.evidenceFrames.set(this::thumbnails);
  }

  @AfterEach
  void stop() {
    try {
      m.assertBooksBalance();
    } finally {
      f.close();
    }
  }

  @Test
  void aDecidedMarketPaysTheWinnerAndKeepsItsSeriesAndFourThumbnails() throws Exception {
    MarketSpec spec = speedMarket("mk-speed-1");
    events.opened(spec, new double[] {0.45, 0.55});
    JsonNode market = f.read(f.get("/api/markets/" + spec.marketId()));
    assertThat(market.get("templateKind").asText()).isEqualTo("SPEED_THRESHOLD");
    assertThat(market.get("title").asText()).isEqualTo(spec.title());
    JsonNode yes = market.get("selections").get(0);
    assertThat(yes.get("name").asText()).isEqualTo("Yes");
    int odds = yes.get("decimalOddsBp").asInt();
    assertThat(odds).isGreaterThan(10_000);
    long version = market.get("priceVersion").asLong();

    Bettor ann = m.funded("ann@example.com", 10_000);
    Bettor bob = m.funded("bob@example.com", 10_000);
    HttpResponse<String> annBet =
        m.place(ann.token(), "a", MarketBettors.bet(spec.marketId(), "yes", 1_000, odds, version));
    assertThat(annBet.statusCode()).as(annBet.body()).isEqualTo(201);
    int noOdds = market.get("selections").get(1).get("decimalOddsBp").asInt();
    HttpResponse<String> bobBet =
        m.place(bob.token(), "b", MarketBettors.bet(spec.marketId(), "no", 2_000, noOdds, version));
    assertThat(bobBet.statusCode()).as(bobBet.body()).isEqualTo(201);
    long payout = 1_000L * odds / 10_000;
    assertThat(f.read(annBet).get("potentialPayoutMinor").asLong()).isEqualTo(payout);

    List<TrackSeries.Sample> series = new ArrayList<>();
    for (int i = 0; i <= 12; i++) {
      series.add(new TrackSeries.Sample(i * 500_000L, 7.0 + i * 0.2));
    }
    events.decided(
        spec, new Outcome(0, DECIDED_AT, "runner 3 reached 9.40 m/s", series, 0, DECIDED_AT));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> m.balance(ann.walletId()) == 10_000 - 1_000 + payout);
    await().atMost(Duration.ofSeconds(30)).until(() -> m.balance(bob.walletId()) == 8_000);
    assertThat(m.held(ann.walletId())).isZero();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> f.read(f.get("/api/bets?state=settled", ann.token())).get("bets").size() == 1);
    JsonNode won = f.read(f.get("/api/bets", ann.token())).get("bets").get(0);
    assertThat(won.get("state").asText()).isEqualTo("WON");
    assertThat(won.get("payoutMinor").asLong()).isEqualTo(payout);
    assertThat(won.get("evidenceUrl").asText())
        .isEqualTo("/api/markets/" + spec.marketId() + "/evidence");

    JsonNode settled = f.read(f.get("/api/markets/" + spec.marketId()));
    assertThat(settled.get("state").asText()).isEqualTo("SETTLED");
    assertThat(settled.get("settlement").get("winningSelectionId").asText()).isEqualTo("yes");
    assertThat(settled.get("settlement").get("void").asBoolean()).isFalse();

    String evidenceUrl = settled.get("settlement").get("evidenceUrl").asText();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> f.read(f.get(evidenceUrl)).get("frames").size() == 4);
    JsonNode evidence = f.read(f.get(evidenceUrl));
    assertThat(evidence.get("decidedAtMediaTimeUs").asLong()).isEqualTo(DECIDED_AT);
    assertThat(evidence.get("winningSelectionId").asText()).isEqualTo("yes");
    assertThat(evidence.get("measure").asText()).isEqualTo("speed_mps");
    assertThat(evidence.get("threshold").asDouble()).isEqualTo(9.0);
    assertThat(evidence.get("series")).hasSize(13);
    assertThat(evidence.get("series").get(12).get("mediaTimeUs").asLong()).isEqualTo(6_000_000);
    assertThat(evidence.get("series").get(12).get("value").asDouble()).isEqualTo(9.4);
    assertThat(framesAskedAt).containsExactly(DECIDED_AT);
    long previous = Long.MIN_VALUE;
    for (JsonNode frame : evidence.get("frames")) {
      HttpResponse<byte[]> jpeg =
          f.http.send(
              HttpRequest.newBuilder(f.uri(frame.get("url").asText())).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(jpeg.statusCode()).isEqualTo(200);
      assertThat(jpeg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg.body()));
      assertThat(image).as(frame.toString()).isNotNull();
      assertThat(image.getWidth()).isEqualTo(320);
      assertThat(frame.get("mediaTimeUs").asLong()).isGreaterThan(previous);
      previous = frame.get("mediaTimeUs").asLong();
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> f.settledBets.size() == 2);
    SettledBet annNews =
        f.settledBets.stream().filter(s -> s.state().equals("WON")).findFirst().orElseThrow();
    BetSettlement wire = BetSettlements.of(annNews);
    assertThat(wire.getState()).isEqualTo(BetSettlementState.BET_SETTLEMENT_STATE_WON);
    assertThat(wire.getPayoutMinor()).isEqualTo(payout);
    assertThat(wire.getEvidenceUrl()).isEqualTo(evidenceUrl);
    assertThat(wire.getBetId()).isEqualTo(won.get("id").asText());

    List<String> actions = new ArrayList<>();
    String operator = f.userWith("ops@example.com", "operator");
    f.read(f.get("/api/operator/markets/" + spec.marketId() + "/audit", operator))
        .get("entries")
        .forEach(e -> actions.add(e.get("actor").asText() + ":" + e.get("action").asText()));
    assertThat(actions).containsExactly("analytics:opened", "analytics:settled");
  }

  @Test
  void aDecisionAfterAnOperatorVoidedTheMarketChangesNothing() {
    MarketSpec spec = speedMarket("mk-speed-2");
    events.opened(spec, new double[] {0.5, 0.5});
    JsonNode market = f.read(f.get("/api/markets/" + spec.marketId()));
    Bettor ann = m.funded("ann@example.com", 10_000);
    int odds = market.get("selections").get(0).get("decimalOddsBp").asInt();
    assertThat(
            m.place(ann.token(), "a", MarketBettors.bet(spec.marketId(), "yes", 1_000, odds, 1))
                .statusCode())
        .isEqualTo(201);
    String operator = f.userWith("ops@example.com", "operator");
    f.post(
        "/api/operator/markets/" + spec.marketId() + "/void",
        "{\"reason\":\"wrong runner tracked\"}",
        operator);

    events.decided(
        spec, new Outcome(0, DECIDED_AT, "runner 3 reached 9.40 m/s", List.of(), 0, DECIDED_AT));

    await().atMost(Duration.ofSeconds(30)).until(() -> m.held(ann.walletId()) == 0);
    assertThat(m.balance(ann.walletId())).isEqualTo(10_000);
    JsonNode after = f.read(f.get("/api/markets/" + spec.marketId()));
    assertThat(after.get("state").asText()).isEqualTo("VOID");
    f.assertProblem(f.get("/api/markets/" + spec.marketId() + "/evidence"), 404, "no_evidence");
    List<String> actions = new ArrayList<>();
    f.read(f.get("/api/operator/markets/" + spec.marketId() + "/audit", operator))
        .get("entries")
        .forEach(e -> actions.add(e.get("action").asText()));
    assertThat(actions).containsExactly("opened", "voided", "decision_ignored");
  }

  @Test
  void marketsTheAnalyticsLeftUndecidedAtAStopAreVoidedWithTheirStakesReturned() {
    MarketSpec spec = speedMarket("mk-speed-3");
    events.opened(spec, new double[] {0.5, 0.5});
    int odds =
        f.read(f.get("/api/markets/" + spec.marketId()))
            .get("selections")
            .get(0)
            .get("decimalOddsBp")
            .asInt();
    Bettor ann = m.funded("ann@example.com", 10_000);
    assertThat(
            m.place(ann.token(), "a", MarketBettors.bet(spec.marketId(), "yes", 1_000, odds, 1))
                .statusCode())
        .isEqualTo(201);
    String operator = f.userWith("ops@example.com", "operator");
    String made = m.market(operator, stream, 600).get("id").asText();

    assertThat(f.markets.voidUndecidedLiveMarkets()).isEqualTo(1);

    await().atMost(Duration.ofSeconds(30)).until(() -> m.held(ann.walletId()) == 0);
    assertThat(m.balance(ann.walletId())).isEqualTo(10_000);
    JsonNode voided = f.read(f.get("/api/markets/" + spec.marketId()));
    assertThat(voided.get("state").asText()).isEqualTo("VOID");
    assertThat(voided.get("settlement").get("reason").asText()).contains("restarted");
    assertThat(f.read(f.get("/api/markets/" + made)).get("state").asText())
        .as("an operator's market is left alone")
        .isEqualTo("OPEN");
    JsonNode audit = f.read(f.get("/api/operator/markets/" + spec.marketId() + "/audit", operator));
    JsonNode last = audit.get("entries").get(audit.get("entries").size() - 1);
    assertThat(last.get("actor").asText() + ":" + last.get("action").asText())
        .isEqualTo("system:voided");
  }

  private MarketSpec speedMarket(String id) {
    return new MarketSpec(
        id,
        stream,
        MarketTemplateKind.MARKET_TEMPLATE_KIND_SPEED_THRESHOLD,
        "Runner 3 tops 9.0 m/s in the next 10 s",
        MarketSpec.YES_NO,
        3,
        0,
        10_000_000,
        9.0,
        "");
  }

  /** Four real JPEGs around the moment asked for, a quarter of a second apart. */
  private List<EvidenceFrames.Frame> thumbnails(String streamId, long mediaTimeUs, int count) {
    framesAskedAt.add(mediaTimeUs);
    List<EvidenceFrames.Frame> frames = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      BufferedImage image = new BufferedImage(320, 180, BufferedImage.TYPE_3BYTE_BGR);
      Graphics2D g = image.createGraphics();
      g.setColor(new Color(40 * i, 120, 200));
      g.fillRect(20 + 60 * i, 60, 40, 80);
      g.dispose();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        ImageIO.write(image, "jpg", out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      frames.add(
          new EvidenceFrames.Frame(mediaTimeUs + (i - 2) * 250_000L + 125_000, out.toByteArray()));
    }
    return frames;
  }
}
