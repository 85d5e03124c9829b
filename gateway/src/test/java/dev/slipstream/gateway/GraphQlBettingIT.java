package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipstream.gateway.markets.BetSettlements;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Betting over GraphQL with real clients: a bettor deposits through the sandbox provider, places a
 * bet by mutation (HTTP), sees it in {@code myBets} and the hold in {@code wallet}, and the real
 * {@code graphql-ws} client receives the wallet and the settlement from their account topic; the
 * same idempotency key answers the same bet; refusals carry the REST codes and change nothing;
 * anonymous callers and callers without the bettor role are refused.
 */
class GraphQlBettingIT {
  private static final String PLACE =
      "mutation ($input: BetInput!, $key: String!) { placeBet(input: $input, idempotencyKey: $key)"
          + " { replayed bet { id state stakeMinor decimalOddsBp potentialPayoutMinor"
          + " market { id title state } } } }";
  private static final String DEPOSIT =
      "mutation ($amount: Long!, $key: String!) { deposit(amountMinor: $amount, paymentMethod:"
          + " \"tok_visa\", idempotencyKey: $key) { replayed deposit { id state amountMinor } } }";
  private static final String WALLET =
      "{ wallet { balanceMinor availableMinor heldMinor"
          + " transactions(first: 5) { items { kind amountMinor } nextCursor } } }";

  private GatewayFixture f;
  private MarketBettors bettors;

  @BeforeEach
  void start() throws Exception {
    f = GatewayFixture.start();
    bettors = new MarketBettors(f);
    f.markets.onSettled(BetSettlements.publisher(f.shared.bus()));
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void aBettorDepositsBetsByMutationAndSeesTheBetTheHoldAndTheSettlementLive() throws Exception {
    String ann = f.userWith("ann@example.com");
    String operator = f.userWith("op@example.com", "operator");
    String stream =
        f.createStream("Heat 2", f.userWith("caster@example.com", "broadcaster"))
            .get("id")
            .asText();
    JsonNode market = bettors.market(operator, stream, 600);
    String marketId = market.get("id").asText();
    String lane4 = market.at("/selections/0/id").asText();

    String key = UUID.randomUUID().toString();
    JsonNode deposited = data(DEPOSIT, "{\"amount\":5000,\"key\":\"" + key + "\"}", ann);
    assertThat(deposited.at("/deposit/state").asText()).isEqualTo("pending");
    assertThat(deposited.get("replayed").asBoolean()).isFalse();
    JsonNode again = data(DEPOSIT, "{\"amount\":5000,\"key\":\"" + key + "\"}", ann);
    assertThat(again.get("replayed").asBoolean()).isTrue();
    assertThat(again.at("/deposit/id")).isEqualTo(deposited.at("/deposit/id"));
    // Mutations run over the graphql-ws socket too, signed in by connection_init.
    try (GraphQlClient socket =
        GraphQlClient.watch(
            f,
            "mutation { deposit(amountMinor: 1500, paymentMethod: \"tok_visa\", idempotencyKey: \""
                + UUID.randomUUID()
                + "\") { replayed deposit { state amountMinor } } }",
            1,
            ann)) {
      JsonNode overSocket = socket.next("next").at("/result/data/deposit");
      assertThat(overSocket.at("/deposit/amountMinor").asLong()).isEqualTo(1_500);
      assertThat(overSocket.get("replayed").asBoolean()).isFalse();
      socket.next("done");
    }
    f.scheduler.runAll();
    assertThat(data(WALLET, null, ann).get("balanceMinor").asLong()).isEqualTo(6_500);

    try (GraphQlClient wallets =
            GraphQlClient.watch(
                f,
                "subscription { walletUpdates(fromSequence: 1) { sequence balanceMinor heldMinor"
                    + " availableMinor } }",
                1,
                ann);
        GraphQlClient news =
            GraphQlClient.watch(
                f,
                "subscription { myBets(fromSequence: 1) { kind betId marketId outcome payoutMinor"
                    + " } }",
                1,
                ann)) {
      String bet = bet(marketId, lane4, 1_000, 20_000, market.get("priceVersion").asLong());
      JsonNode placed = data(PLACE, "{\"input\":" + bet + ",\"key\":\"bet-1\"}", ann);
      assertThat(placed.get("replayed").asBoolean()).isFalse();
      assertThat(placed.at("/bet/state").asText()).isEqualTo("OPEN");
      assertThat(placed.at("/bet/potentialPayoutMinor").asLong()).isEqualTo(2_000);
      assertThat(placed.at("/bet/market/id").asText()).isEqualTo(marketId);
      String betId = placed.at("/bet/id").asText();
      JsonNode replayed = data(PLACE, "{\"input\":" + bet + ",\"key\":\"bet-1\"}", ann);
      assertThat(replayed.get("replayed").asBoolean()).isTrue();
      assertThat(replayed.at("/bet/id").asText()).isEqualTo(betId);

      JsonNode mine =
          data("{ myBets(first: 10) { items { id state market { title } } } }", null, ann);
      assertThat(mine.get("items")).singleElement();
      assertThat(mine.at("/items/0/id").asText()).isEqualTo(betId);
      JsonNode wallet = data(WALLET, null, ann);
      assertThat(wallet.get("heldMinor").asLong()).isEqualTo(1_000);
      assertThat(wallet.get("availableMinor").asLong()).isEqualTo(5_500);
      assertThat(wallet.at("/transactions/items/0/kind").asText()).isEqualTo("deposit");

      JsonNode live = wallets.next("next").at("/result/data/walletUpdates");
      assertThat(live.get("heldMinor").asLong()).isEqualTo(1_000);
      assertThat(live.get("availableMinor").asLong()).isEqualTo(5_500);

      HttpResponse<String> settled =
          f.post(
              "/api/operator/markets/" + marketId + "/settle",
              "{\"winningSelectionId\":\"" + lane4 + "\",\"reason\":\"Lane 4 led at 50 m\"}",
              operator);
      assertThat(settled.statusCode()).as(settled.body()).isEqualTo(200);
      JsonNode won = news.next("next").at("/result/data/myBets");
      assertThat(won.get("kind").asText()).isEqualTo("SETTLEMENT");
      assertThat(won.get("betId").asText()).isEqualTo(betId);
      assertThat(won.get("outcome").asText()).isEqualTo("WON");
      assertThat(won.get("payoutMinor").asLong()).isEqualTo(2_000);
      assertThat(wallets.next("done").get("received").asInt()).isEqualTo(1);
      assertThat(news.next("done").get("received").asInt()).isEqualTo(1);
    }
    // The payout lands once the shard has posted the hold and paid the win.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> data(WALLET, null, ann).get("heldMinor").asLong() == 0);
    assertThat(data(WALLET, null, ann).get("balanceMinor").asLong()).isEqualTo(7_500);
    bettors.assertBooksBalance();
  }

  @Test
  void refusalsCarryTheRestCodesAndChangeNothing() throws Exception {
    String ann = f.userWith("ann@example.com");
    String operator = f.userWith("op@example.com", "operator");
    String stream =
        f.createStream("Heat 3", f.userWith("caster@example.com", "broadcaster"))
            .get("id")
            .asText();
    JsonNode market = bettors.market(operator, stream, 600);
    String marketId = market.get("id").asText();
    String lane4 = market.at("/selections/0/id").asText();
    long version = market.get("priceVersion").asLong();
    String before = data(WALLET, null, ann).toString();

    String tooBig = bet(marketId, lane4, 1_000, 20_000, version);
    JsonNode poor = error(PLACE, "{\"input\":" + tooBig + ",\"key\":\"poor\"}", ann);
    assertThat(poor.at("/extensions/code").asText()).isEqualTo("insufficient_funds");
    assertThat(poor.at("/extensions/status").asInt()).isEqualTo(409);
    assertThat(poor.at("/extensions/replayed").asBoolean()).isFalse();
    assertThat(
            error(PLACE, "{\"input\":" + tooBig + ",\"key\":\"poor\"}", ann)
                .at("/extensions/replayed")
                .asBoolean())
        .isTrue();
    assertThat(code(PLACE, "{\"input\":{\"marketId\":\"" + marketId + "\"},\"key\":\"k2\"}", ann))
        .isEqualTo("invalid_request");
    assertThat(code(PLACE, "{\"input\":" + tooBig + ",\"key\":\"\"}", ann))
        .isEqualTo("missing_idempotency_key");
    assertThat(code(PLACE, "{\"input\":" + tooBig + ",\"key\":\"has space\"}", ann))
        .isEqualTo("invalid_idempotency_key");
    String unknown = bet("mkt_nosuchmarket", lane4, 100, 20_000, version);
    assertThat(code(PLACE, "{\"input\":" + unknown + ",\"key\":\"k3\"}", ann))
        .isEqualTo("unknown_market");
    assertThat(code("mutation { cancelBet(id: \"bet_nope\") { id } }", null, ann))
        .isEqualTo("bet_not_found");
    assertThat(code(DEPOSIT, "{\"amount\":100,\"key\":\"not-a-uuid\"}", ann))
        .isEqualTo("invalid_idempotency_key");
    assertThat(code(DEPOSIT, "{\"amount\":-5,\"key\":\"" + UUID.randomUUID() + "\"}", ann))
        .isEqualTo("invalid_amount");
    assertThat(code("{ myBets(first: 0) { items { id } } }", null, ann)).isEqualTo("invalid_limit");
    assertThat(code("{ myBets(after: \"zzz\") { items { id } } }", null, ann))
        .isEqualTo("invalid_cursor");
    assertThat(data(WALLET, null, ann).toString()).isEqualTo(before);
    assertThat(data("{ myBets { items { id } } }", null, ann).get("items")).isEmpty();
    assertThat(f.payments.deposits(f.money.wallet(userId(ann)).id())).isEmpty();

    // A bet that stands is not cancellable: only a bet pending its bet delay is.
    MarketBettors.Bettor funded = bettors.funded("bob@example.com", 5_000);
    String bet = bet(marketId, lane4, 500, 20_000, version);
    String betId =
        data(PLACE, "{\"input\":" + bet + ",\"key\":\"b1\"}", funded.token())
            .at("/bet/id")
            .asText();
    assertThat(code("mutation { cancelBet(id: \"" + betId + "\") { id } }", null, funded.token()))
        .isEqualTo("not_cancellable");
    assertThat(code("mutation { cancelBet(id: \"" + betId + "\") { id } }", null, ann))
        .isEqualTo("bet_not_found");
    assertThat(
            data("{ bet(id: \"" + betId + "\") { state } }", null, funded.token())
                .get("state")
                .asText())
        .isEqualTo("OPEN");
  }

  @Test
  void anonymousCallersAndCallersWithoutTheBettorRoleAreRefused() throws Exception {
    String viewer = f.userWith("vic@example.com");
    String vicId = userId(viewer);
    HttpResponse<String> revoked =
        f.post("/api/admin/users/" + vicId + "/roles", "{\"revoke\":[\"bettor\"]}", f.admin());
    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
    viewer = f.login("vic@example.com").get("accessToken").asText();
    String bet = bet("mkt_x", "s1", 100, 20_000, 1);
    for (String query :
        new String[] {
          WALLET,
          "{ myBets { items { id } } }",
          "{ limits { limits { kind } } }",
          "mutation { cancelBet(id: \"b\") { id } }",
        }) {
      assertThat(code(query, null, null)).as(query).isEqualTo("authentication_required");
      assertThat(code(query, null, viewer)).as(query).isEqualTo("forbidden");
    }
    assertThat(code(PLACE, "{\"input\":" + bet + ",\"key\":\"k\"}", viewer)).isEqualTo("forbidden");
    assertThat(code(DEPOSIT, "{\"amount\":100,\"key\":\"" + UUID.randomUUID() + "\"}", null))
        .isEqualTo("authentication_required");
    assertThat(f.payments.deposits(f.money.wallet(vicId).id())).isEmpty();

    try (GraphQlClient anonymous =
        GraphQlClient.watch(f, "subscription { walletUpdates { heldMinor } }", 1, null)) {
      JsonNode refused = anonymous.next("next").at("/result");
      assertThat(refused.at("/errors/0/extensions/code").asText())
          .isEqualTo("authentication_required");
      anonymous.next("done");
    }
    try (GraphQlClient notBettor =
        GraphQlClient.watch(f, "subscription { myBets { betId } }", 1, viewer)) {
      assertThat(notBettor.next("next").at("/result/errors/0/extensions/code").asText())
          .isEqualTo("forbidden");
    }
  }

  private String userId(String token) {
    return f.read(f.get("/api/me", token)).get("id").asText();
  }

  static String bet(String marketId, String selection, long stake, int oddsBp, long version) {
    return MarketBettors.bet(marketId, selection, stake, oddsBp, version);
  }

  /** The operation's one field's data; fails on errors. */
  private JsonNode data(String query, String variables, String token) {
    HttpResponse<String> response = GraphQlClient.post(f, query, variables, token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = f.read(response);
    assertThat(body.get("errors")).as(response.body()).isNull();
    return body.get("data").elements().next();
  }

  /** The operation's one error. */
  private JsonNode error(String query, String variables, String token) {
    HttpResponse<String> response = GraphQlClient.post(f, query, variables, token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode errors = f.read(response).get("errors");
    assertThat(errors).as(response.body()).isNotNull().hasSize(1);
    return errors.get(0);
  }

  private String code(String query, String variables, String token) {
    return error(query, variables, token).at("/extensions/code").asText();
  }
}
