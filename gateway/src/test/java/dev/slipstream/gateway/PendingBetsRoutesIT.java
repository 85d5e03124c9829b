package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipstream.gateway.MarketBettors.Bettor;
import dev.slipstream.markets.desk.MarketDesk;
import dev.slipstream.markets.engine.RiskLimits;
import dev.slipstream.markets.live.MarketEvents;
import dev.slipstream.markets.live.MarketSpec;
import dev.slipstream.markets.pricing.Margin;
import dev.slipstream.markets.service.SettledBet;
import dev.slipstream.wire.v1.MarketTemplateKind;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An operator gives a bettor a bet delay over REST; that bettor's bets come back {@code PENDING}
 * with the stake held, the stream's frames confirm them (the bettor hears it on their account
 * topic), and while one waits its bettor cancels it over REST or GraphQL and has the stake back.
 * Everyone else's bets, and bets that stand, cannot be cancelled.
 */
class PendingBetsRoutesIT {
  private GatewayFixture f;
  private MarketBettors m;
  private MarketEvents events;
  private String stream;
  private MarketSpec spec;
  private int odds;
  private long version;

  @BeforeEach
  void start() throws Exception {
    f = GatewayFixture.start();
    m = new MarketBettors(f);
    String caster = f.userWith("caster@example.com", "broadcaster");
    stream = f.createStream("Heat 5", caster).get("id").asText();
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
    spec =
        new MarketSpec(
            "mk-pending-1",
            stream,
            MarketTemplateKind.MARKET_TEMPLATE_KIND_SPEED_THRESHOLD,
            "Runner 2 tops 9.0 m/s in the next 10 s",
            MarketSpec.YES_NO,
            2,
            0,
            10_000_000,
            9.0,
            "");
    events.opened(spec, new double[] {0.45, 0.55});
    JsonNode market = f.read(f.get("/api/markets/" + spec.marketId()));
    odds = market.get("selections").get(0).get("decimalOddsBp").asInt();
    version = market.get("priceVersion").asLong();
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
  void aDelayedBettorsBetWaitsAsPendingUntilTheFramesConfirmIt() {
    Bettor eve = m.funded("eve@example.com", 10_000);
    String eveId = userId(eve);
    HttpResponse<String> set =
        put(
            "/api/operator/users/" + eveId + "/risk",
            "{\"confidence\":0.5,\"betDelayMs\":3000,\"blocked\":false}",
            f.admin());
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    JsonNode risk = f.read(set);
    assertThat(risk.get("betDelayMs").asLong()).isEqualTo(3_000);
    assertThat(risk.get("confidence").asDouble()).isEqualTo(0.5);
    assertThat(
            f.read(f.get("/api/operator/users/" + eveId + "/risk", f.admin())).get("bets").asInt())
        .isZero();

    HttpResponse<String> placed = m.place(eve.token(), "e1", at(1_000, 1_000_000));
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    JsonNode bet = f.read(placed);
    assertThat(bet.get("state").asText()).isEqualTo("PENDING");
    assertThat(m.held(eve.walletId())).isEqualTo(1_000);

    events.ticked(stream, 3_000_000);
    events.ticked(stream, 4_100_000);

    String betId = bet.get("id").asText();
    await().atMost(Duration.ofSeconds(10)).until(() -> state(eve, betId).equals("OPEN"));
    assertThat(f.settledBets)
        .as("the bettor is told the bet stands")
        .anySatisfy(
            s -> {
              assertThat(s.betId()).isEqualTo(betId);
              assertThat(s.state()).isEqualTo("OPEN");
            });
    HttpResponse<String> tooLate = post("/api/bets/" + betId + "/cancel", eve.token());
    f.assertProblem(tooLate, 409, "not_cancellable");
    assertThat(m.held(eve.walletId())).isEqualTo(1_000);
  }

  @Test
  void aBettorCancelsTheirPendingBetOverRestAndGraphQlAndNobodyElseCan() throws Exception {
    Bettor eve = m.funded("eve@example.com", 10_000);
    Bettor mallory = m.funded("mallory@example.com", 10_000);
    put(
        "/api/operator/users/" + userId(eve) + "/risk",
        "{\"confidence\":1,\"betDelayMs\":5000,\"blocked\":false}",
        f.admin());
    String first = f.read(m.place(eve.token(), "e1", at(1_000, 1_000_000))).get("id").asText();
    String second = f.read(m.place(eve.token(), "e2", at(2_000, 1_200_000))).get("id").asText();
    String mallorys = f.read(m.place(mallory.token(), "m1", at(500, 1_000_000))).get("id").asText();
    assertThat(state(mallory, mallorys)).as("no delay for her").isEqualTo("OPEN");
    assertThat(m.held(eve.walletId())).isEqualTo(3_000);

    f.assertProblem(post("/api/bets/" + first + "/cancel", mallory.token()), 404, "bet_not_found");
    f.assertProblem(
        post("/api/bets/" + mallorys + "/cancel", mallory.token()), 409, "not_cancellable");
    f.assertProblem(post("/api/bets/" + first + "/cancel", null), 401, "authentication_required");

    HttpResponse<String> cancelled = post("/api/bets/" + first + "/cancel", eve.token());
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    assertThat(f.read(cancelled).get("state").asText()).isEqualTo("CANCELLED");
    assertThat(f.read(cancelled).get("payoutMinor").asLong()).isEqualTo(1_000);
    await().atMost(Duration.ofSeconds(10)).until(() -> m.held(eve.walletId()) == 2_000);
    assertThat(m.balance(eve.walletId())).isEqualTo(10_000);
    f.assertProblem(post("/api/bets/" + first + "/cancel", eve.token()), 409, "not_cancellable");

    JsonNode viaGraphQl =
        f.read(
            GraphQlClient.post(
                f,
                "mutation { cancelBet(id: \"" + second + "\") { id state payoutMinor } }",
                null,
                eve.token()));
    assertThat(viaGraphQl.at("/data/cancelBet/state").asText())
        .as(viaGraphQl.toString())
        .isEqualTo("CANCELLED");
    await().atMost(Duration.ofSeconds(10)).until(() -> m.held(eve.walletId()) == 0);
    assertThat(f.settledBets)
        .filteredOn(s -> s.betId().equals(first) || s.betId().equals(second))
        .extracting(SettledBet::state)
        .containsExactlyInAnyOrder("CANCELLED", "CANCELLED");
    assertThat(
            f.read(f.get("/api/bets?state=settled", eve.token()))
                .get("bets")
                .findValuesAsText("state"))
        .containsExactlyInAnyOrder("CANCELLED", "CANCELLED");
  }

  @Test
  void riskSettingsOutOfRangeAreRefusedAndChangeNothing() {
    Bettor eve = m.funded("eve@example.com", 10_000);
    String path = "/api/operator/users/" + userId(eve) + "/risk";
    f.assertProblem(
        put(path, "{\"confidence\":1.5,\"betDelayMs\":0,\"blocked\":false}", f.admin()),
        400,
        "invalid_confidence");
    f.assertProblem(
        put(path, "{\"confidence\":1,\"betDelayMs\":600000,\"blocked\":false}", f.admin()),
        400,
        "invalid_bet_delay");
    f.assertProblem(put(path, "{\"confidence\":1}", f.admin()), 400, "invalid_request");
    f.assertProblem(
        put(path, "{\"confidence\":1,\"betDelayMs\":0,\"blocked\":true}", eve.token()),
        403,
        "forbidden");
    f.assertProblem(
        put(
            "/api/operator/users/usr_nobody/risk",
            "{\"confidence\":1,\"betDelayMs\":0,\"blocked\":true}",
            f.admin()),
        404,
        "user_not_found");
    JsonNode risk = f.read(f.get(path, f.admin()));
    assertThat(risk.get("confidence").asDouble()).isEqualTo(1.0);
    assertThat(risk.get("betDelayMs").asLong()).isZero();
    assertThat(risk.get("blocked").asBoolean()).isFalse();
  }

  private String at(long stake, long mediaTimeUs) {
    String body = MarketBettors.bet(spec.marketId(), "yes", stake, odds, version);
    return body.substring(0, body.length() - 1) + ",\"mediaTimeUs\":" + mediaTimeUs + "}";
  }

  private String userId(Bettor bettor) {
    return f.read(f.get("/api/me", bettor.token())).get("id").asText();
  }

  private String state(Bettor bettor, String betId) {
    return f.read(f.get("/api/bets/" + betId, bettor.token())).get("state").asText();
  }

  private HttpResponse<String> put(String path, String body, String token) {
    return f.send(
        GatewayFixture.withBearer(
            HttpRequest.newBuilder(f.uri(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)),
            token));
  }

  private HttpResponse<String> post(String path, String token) {
    return f.post(path, "{}", token);
  }
}
