package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipstream.gateway.MarketBettors.Bettor;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Markets and bets over real HTTP against a real bet shard and ledger on PostgreSQL: markets made
 * by an operator are listed and read by anyone, bets placed with idempotency keys (replayed,
 * conflicting), every refusal the engine and the ledger give has its code and changes nothing,
 * operators suspend, resume, void and re-settle with an audit trail, and the books balance after
 * every test.
 */
class MarketRoutesIT {
  private GatewayFixture f;
  private MarketBettors m;
  private String operator;
  private String stream;

  @BeforeEach
  void start() throws Exception {
    f = GatewayFixture.start();
    m = new MarketBettors(f);
    operator = f.userWith("ops@example.com", "operator", "broadcaster");
    stream = f.createStream("Heat 2", operator).get("id").asText();
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
  void aMarketIsListedAndReadByAnyoneAndABetIsPlacedOnceUnderItsKey() {
    JsonNode market = m.market(operator, stream, 600);
    String id = market.get("id").asText();
    assertThat(market.get("templateKind").asText()).isEqualTo("OPERATOR");
    assertThat(market.get("state").asText()).isEqualTo("OPEN");
    assertThat(market.get("settlement").isNull()).isTrue();
    JsonNode listed = f.read(f.get("/api/streams/" + stream + "/markets"));
    assertThat(listed.get("markets")).hasSize(1);
    JsonNode read = f.read(f.get("/api/markets/" + id));
    assertThat(read.get("selections").get(1).get("name").asText()).isEqualTo("Lane 5");
    assertThat(read.get("selections").get(1).get("decimalOddsBp").asInt()).isEqualTo(30_000);
    assertThat(read.get("priceVersion").asLong()).isEqualTo(1);
    f.assertProblem(f.get("/api/markets/mk-nope"), 404, "market_not_found");
    f.assertProblem(f.get("/api/streams/" + stream + "/markets?state=x"), 400, "invalid_state");

    Bettor ann = m.funded("ann@example.com", 10_000);
    String body = MarketBettors.bet(id, "s2", 500, 30_000, 1);
    HttpResponse<String> placed = m.place(ann.token(), "ann-1", body);
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    JsonNode bet = f.read(placed);
    assertThat(bet.get("state").asText()).isEqualTo("OPEN");
    assertThat(bet.get("selectionName").asText()).isEqualTo("Lane 5");
    assertThat(bet.get("potentialPayoutMinor").asLong()).isEqualTo(1_500);
    assertThat(bet.get("marketTitle").asText()).isEqualTo("Heat 2: who leads at 50 m?");
    assertThat(m.held(ann.walletId())).isEqualTo(500);

    HttpResponse<String> again = m.place(ann.token(), "ann-1", body);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(f.read(again).get("id")).isEqualTo(bet.get("id"));
    f.assertProblem(
        m.place(ann.token(), "ann-1", MarketBettors.bet(id, "s2", 600, 30_000, 1)),
        409,
        "idempotency_conflict");
    f.assertProblem(m.place(ann.token(), null, body), 400, "missing_idempotency_key");
    f.assertProblem(m.place(ann.token(), "k".repeat(65), body), 400, "invalid_idempotency_key");
    assertThat(m.held(ann.walletId())).as("one bet held, once").isEqualTo(500);

    JsonNode mine = f.read(f.get("/api/bets?state=open", ann.token()));
    assertThat(mine.get("bets")).hasSize(1);
    assertThat(mine.get("nextCursor").isNull()).isTrue();
    assertThat(f.read(f.get("/api/bets/" + bet.get("id").asText(), ann.token())).get("id"))
        .isEqualTo(bet.get("id"));
    Bettor bob = m.funded("bob@example.com", 0);
    f.assertProblem(
        f.get("/api/bets/" + bet.get("id").asText(), bob.token()), 404, "bet_not_found");
    assertThat(f.read(f.get("/api/bets", bob.token())).get("bets")).isEmpty();
    f.assertProblem(f.get("/api/bets?state=later", ann.token()), 400, "invalid_state");
  }

  @Test
  void betsPageNewestFirstWithACursor() {
    String id = m.market(operator, stream, 600).get("id").asText();
    Bettor ann = m.funded("ann@example.com", 10_000);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> placed =
          m.place(ann.token(), "page-" + i, MarketBettors.bet(id, "s1", 100, 20_000, 1));
      assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
      ids.add(f.read(placed).get("id").asText());
    }
    JsonNode first = f.read(f.get("/api/bets?limit=2", ann.token()));
    assertThat(first.get("bets")).hasSize(2);
    JsonNode rest =
        f.read(f.get("/api/bets?limit=2&cursor=" + first.get("nextCursor").asText(), ann.token()));
    assertThat(rest.get("bets")).hasSize(1);
    assertThat(rest.get("nextCursor").isNull()).isTrue();
    List<String> seen = new ArrayList<>();
    first.get("bets").forEach(b -> seen.add(b.get("id").asText()));
    rest.get("bets").forEach(b -> seen.add(b.get("id").asText()));
    assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
    f.assertProblem(f.get("/api/bets?cursor=zzz", ann.token()), 400, "invalid_cursor");
    f.assertProblem(f.get("/api/bets?limit=0", ann.token()), 400, "invalid_limit");
  }

  @Test
  void everyRefusalHasItsCodeAndChangesNothing() {
    String id = m.market(operator, stream, 600).get("id").asText();
    Bettor ann = m.funded("ann@example.com", 10_000);
    Bettor poor = m.funded("poor@example.com", 100);
    int key = 0;
    refused(ann, key++, MarketBettors.bet("mk-nope", "s1", 100, 20_000, 1), 422, "unknown_market");
    refused(ann, key++, MarketBettors.bet(id, "s9", 100, 20_000, 1), 422, "unknown_selection");
    refused(
        ann,
        key++,
        MarketBettors.bet(id, "s1", 100, 20_000, 1).replace("EUR", "USD"),
        422,
        "currency_mismatch");
    refused(ann, key++, MarketBettors.bet(id, "s1", 5, 20_000, 1), 422, "invalid_stake");
    refused(ann, key++, MarketBettors.bet(id, "s1", 0, 20_000, 1), 422, "invalid_stake");
    refused(ann, key++, MarketBettors.bet(id, "s1", 100, 21_000, 1), 422, "invalid_request");
    refused(ann, key++, "{\"marketId\":\"" + id + "\"}", 422, "invalid_request");
    refused(ann, key++, MarketBettors.bet(id, "s1", 100, 20_000, 7), 409, "stale_price");
    refused(ann, key++, MarketBettors.bet(id, "s1", 60_000, 20_000, 1), 409, "limit_exceeded");
    refused(poor, key++, MarketBettors.bet(id, "s1", 500, 20_000, 1), 409, "insufficient_funds");
    f.assertProblem(m.place(ann.token(), "malformed", "{\"tip\":1}"), 400, "malformed_json");
    // The same refused request under its key gets the same refusal again.
    refused(ann, 0, MarketBettors.bet("mk-nope", "s1", 100, 20_000, 1), 422, "unknown_market");

    HttpResponse<String> breakTaken = f.post("/api/account/time-out", "{\"hours\":1}", ann.token());
    assertThat(breakTaken.statusCode()).as(breakTaken.body()).isEqualTo(201);
    refused(ann, key++, MarketBettors.bet(id, "s1", 100, 20_000, 1), 409, "account_blocked");

    String closing = m.market(operator, stream, 1).get("id").asText();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> f.read(f.get("/api/markets/" + closing)).get("state").asText().equals("CLOSED"));
    refused(poor, key++, MarketBettors.bet(closing, "s1", 10, 20_000, 1), 409, "market_closed");

    assertThat(m.balance(ann.walletId())).isEqualTo(10_000);
    assertThat(m.held(ann.walletId())).isZero();
    assertThat(m.balance(poor.walletId())).isEqualTo(100);
    assertThat(m.held(poor.walletId())).isZero();
    assertThat(f.read(f.get("/api/bets", ann.token())).get("bets")).isEmpty();
    assertThat(f.read(f.get("/api/bets", poor.token())).get("bets")).isEmpty();
  }

  @Test
  void anOperatorSuspensionRefusesBetsUntilResumedAndIsAudited() {
    String id = m.market(operator, stream, 600).get("id").asText();
    Bettor ann = m.funded("ann@example.com", 10_000);
    f.assertProblem(
        f.post("/api/operator/markets/" + id + "/suspend", "{}", operator), 400, "invalid_reason");
    JsonNode suspended =
        f.read(
            f.post(
                "/api/operator/markets/" + id + "/suspend",
                "{\"reason\":\"crash in lane 4\"}",
                operator));
    assertThat(suspended.get("state").asText()).isEqualTo("SUSPENDED");
    assertThat(suspended.get("selections").get(0).get("decimalOddsBp").asInt()).isZero();
    refused(ann, 1, MarketBettors.bet(id, "s1", 100, 20_000, 1), 409, "market_suspended");
    f.assertProblem(
        f.post("/api/operator/markets/" + id + "/suspend", "{\"reason\":\"again\"}", operator),
        409,
        "market_not_open");
    assertThat(
            f.read(f.post("/api/operator/markets/" + id + "/resume", "{}", operator))
                .get("state")
                .asText())
        .isEqualTo("OPEN");
    HttpResponse<String> placed =
        m.place(ann.token(), "after-resume", MarketBettors.bet(id, "s1", 100, 20_000, 1));
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);

    String operatorId = f.read(f.get("/api/me", operator)).get("id").asText();
    JsonNode audit = f.read(f.get("/api/operator/markets/" + id + "/audit", operator));
    List<String> actions = new ArrayList<>();
    audit.get("entries").forEach(e -> actions.add(e.get("action").asText()));
    assertThat(actions).containsExactly("created", "suspended", "resumed");
    assertThat(audit.get("entries").get(1).get("actor").asText()).isEqualTo(operatorId);
    assertThat(audit.get("entries").get(1).get("detail").asText()).isEqualTo("crash in lane 4");
    assertThat(
            f.marketUpdates.stream()
                .filter(u -> u.getMarketId().equals(id))
                .map(u -> u.getState().name())
                .toList())
        .containsExactly("MARKET_STATE_OPEN", "MARKET_STATE_SUSPENDED", "MARKET_STATE_OPEN");
  }

  @Test
  void voidingAMarketReturnsEveryStake() {
    String id = m.market(operator, stream, 600).get("id").asText();
    Bettor ann = m.funded("ann@example.com", 10_000);
    Bettor bob = m.funded("bob@example.com", 10_000);
    assertThat(
            m.place(ann.token(), "a", MarketBettors.bet(id, "s1", 1_000, 20_000, 1)).statusCode())
        .isEqualTo(201);
    assertThat(
            m.place(bob.token(), "b", MarketBettors.bet(id, "s2", 2_000, 30_000, 1)).statusCode())
        .isEqualTo(201);
    assertThat(m.held(bob.walletId())).isEqualTo(2_000);

    JsonNode voided =
        f.read(
            f.post(
                "/api/operator/markets/" + id + "/void",
                "{\"reason\":\"timing system failed\"}",
                operator));
    assertThat(voided.get("state").asText()).isEqualTo("VOID");
    assertThat(voided.get("settlement").get("void").asBoolean()).isTrue();
    assertThat(voided.get("settlement").get("reason").asText()).isEqualTo("timing system failed");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> m.held(ann.walletId()) == 0 && m.held(bob.walletId()) == 0);
    assertThat(m.balance(ann.walletId())).isEqualTo(10_000);
    assertThat(m.balance(bob.walletId())).isEqualTo(10_000);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> f.read(f.get("/api/bets?state=settled", bob.token())).get("bets").size() == 1);
    JsonNode bobs = f.read(f.get("/api/bets", bob.token())).get("bets").get(0);
    assertThat(bobs.get("state").asText()).isEqualTo("VOID");
    assertThat(bobs.get("payoutMinor").asLong()).isEqualTo(2_000);
    await().atMost(Duration.ofSeconds(30)).until(() -> f.settledBets.size() == 2);
    assertThat(f.settledBets).allSatisfy(s -> assertThat(s.state()).isEqualTo("VOID"));
    f.assertProblem(
        f.post("/api/operator/markets/" + id + "/void", "{\"reason\":\"twice\"}", operator),
        409,
        "market_finished");
    refused(ann, 9, MarketBettors.bet(id, "s1", 100, 20_000, 1), 409, "market_closed");
  }

  @Test
  void reSettlingCorrectsEachChangedBetByCompensatingTransfersWithAnAuditTrail() {
    String id = m.market(operator, stream, 600).get("id").asText();
    Bettor ann = m.funded("ann@example.com", 10_000);
    Bettor bob = m.funded("bob@example.com", 10_000);
    m.place(ann.token(), "a", MarketBettors.bet(id, "s1", 1_000, 20_000, 1));
    m.place(bob.token(), "b", MarketBettors.bet(id, "s2", 1_000, 30_000, 1));
    JsonNode book = f.read(f.get("/api/operator/markets?streamId=" + stream, operator));
    JsonNode booked = book.get("markets").get(0);
    assertThat(booked.get("id").asText()).isEqualTo(id);
    assertThat(booked.get("betCount").asInt()).isEqualTo(2);
    assertThat(booked.get("handleMinor").asLong()).isEqualTo(2_000);
    assertThat(booked.get("exposureMinor").asLong())
        .as("3,000 paid on s2 less 2,000 taken")
        .isEqualTo(1_000);

    JsonNode settled =
        f.read(
            f.post(
                "/api/operator/markets/" + id + "/settle",
                "{\"winningSelectionId\":\"s1\",\"reason\":\"lane 4 led at 50 m\"}",
                operator));
    assertThat(settled.get("state").asText()).isEqualTo("SETTLED");
    assertThat(settled.get("settlement").get("winningSelectionId").asText()).isEqualTo("s1");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> m.balance(ann.walletId()) == 11_000 && m.balance(bob.walletId()) == 9_000);
    await().atMost(Duration.ofSeconds(30)).until(() -> f.settledBets.size() == 2);

    JsonNode corrected =
        f.read(
            f.post(
                "/api/operator/markets/" + id + "/settle",
                "{\"winningSelectionId\":\"s2\",\"reason\":\"photo finish review\"}",
                operator));
    assertThat(corrected.get("settlement").get("winningSelectionId").asText()).isEqualTo("s2");
    assertThat(m.balance(ann.walletId())).as("2,000 reclaimed").isEqualTo(9_000);
    assertThat(m.balance(bob.walletId())).as("3,000 paid").isEqualTo(12_000);
    JsonNode bobs = f.read(f.get("/api/bets", bob.token())).get("bets").get(0);
    assertThat(bobs.get("state").asText()).isEqualTo("WON");
    assertThat(bobs.get("payoutMinor").asLong()).isEqualTo(3_000);
    assertThat(f.read(f.get("/api/bets", ann.token())).get("bets").get(0).get("state").asText())
        .isEqualTo("LOST");
    assertThat(f.settledBets).hasSize(4);

    JsonNode audit = f.read(f.get("/api/operator/markets/" + id + "/audit", operator));
    JsonNode last = audit.get("entries").get(audit.get("entries").size() - 1);
    assertThat(last.get("action").asText()).isEqualTo("resettled");
    assertThat(last.get("detail").asText())
        .contains("photo finish review", "s1 -> s2", "2 bets corrected", "net 1000");
    f.assertProblem(
        f.post(
            "/api/operator/markets/" + id + "/settle",
            "{\"winningSelectionId\":\"s2\",\"reason\":\"again\"}",
            operator),
        409,
        "already_settled");
    assertThat(
            f.read(f.get("/api/operator/markets?state=settled", operator))
                .get("markets")
                .get(0)
                .get("exposureMinor")
                .asLong())
        .isZero();
  }

  @Test
  void operatorRequestsAreCheckedAndChangeNothing() {
    String bettor = f.userWith("ann@example.com");
    f.assertProblem(
        f.post(
            "/api/operator/markets",
            "{\"streamId\":\""
                + stream
                + "\",\"title\":\"t\",\"selections\":[{\"name\":\"a\","
                + "\"decimalOddsBp\":20000}],\"closesInS\":60}",
            operator),
        400,
        "invalid_request");
    f.assertProblem(
        f.post(
            "/api/operator/markets",
            "{\"streamId\":\"str_nosuchstream00000\",\"title\":\"t\",\"selections\":[{\"name\":\"a\","
                + "\"decimalOddsBp\":20000},{\"name\":\"b\",\"decimalOddsBp\":9000}],\"closesInS\":60}",
            operator),
        400,
        "invalid_request");
    f.assertProblem(
        f.post(
            "/api/operator/markets",
            "{\"streamId\":\"str_nosuchstream00000\",\"title\":\"t\",\"selections\":[{\"name\":\"a\","
                + "\"decimalOddsBp\":20000},{\"name\":\"b\",\"decimalOddsBp\":19000}],\"closesInS\":60}",
            operator),
        404,
        "stream_not_found");
    f.assertProblem(
        f.post("/api/operator/markets/mk-nope/suspend", "{\"reason\":\"r\"}", operator),
        404,
        "market_not_found");
    f.assertProblem(f.get("/api/operator/markets?state=later", operator), 400, "invalid_state");
    f.assertProblem(f.get("/api/operator/markets", bettor), 403, "forbidden");
    String id = m.market(operator, stream, 600).get("id").asText();
    f.assertProblem(
        f.post(
            "/api/operator/markets/" + id + "/settle",
            "{\"winningSelectionId\":\"s7\",\"reason\":\"r\"}",
            operator),
        400,
        "unknown_selection");
    f.assertProblem(f.get("/api/markets/" + id + "/evidence"), 404, "no_evidence");
    f.assertProblem(f.get("/api/markets/" + id + "/evidence/frames/0.jpg"), 404, "frame_not_found");
    f.assertProblem(
        f.post("/api/operator/markets/" + id + "/resume", "{}", operator),
        409,
        "market_not_suspended");
    assertThat(f.read(f.get("/api/markets/" + id)).get("state").asText()).isEqualTo("OPEN");
    assertThat(f.read(f.get("/api/operator/markets", operator)).get("markets")).hasSize(1);
  }

  private void refused(Bettor bettor, int key, String body, int status, String code) {
    HttpResponse<String> response = m.place(bettor.token(), "refused-" + key, body);
    f.assertProblem(response, status, code);
  }
}
