package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipstream.wire.v1.MarketChangeReason;
import dev.slipstream.wire.v1.MarketState;
import dev.slipstream.wire.v1.MarketUpdate;
import dev.slipstream.wire.v1.SelectionPrice;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GraphQL with real clients: the {@code graphql-ws} npm client (gateway/js) queries a stream and
 * subscribes to its market updates over {@code graphql-transport-ws}, receiving the ones published
 * on the bus in order, resumed from a sequence without gap or duplicate; and plain HTTP queries
 * with their refusals (depth limit, syntax, sign-in, subscriptions over HTTP); stored markets as
 * REST shows them, and list fields costing their {@code first} against the complexity limit.
 */
class GraphQlIT {
  private GatewayFixture f;

  @BeforeEach
  void start() throws Exception {
    f = GatewayFixture.start();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void theGraphqlWsClientSubscribesAndReceivesMarketUpdatesPublishedOnTheBus() throws Exception {
    String caster = f.userWith("caster@example.com", "broadcaster");
    String stream = f.createStream("Sprint", caster).get("id").asText();
    String topic = "stream." + stream + ".markets";
    for (int i = 1; i <= 5; i++) {
      f.shared.bus().append(topic, update(stream, "mk" + (i % 2), i).toByteArray());
    }
    String token = f.userWith("fan@example.com");
    try (GraphQlClient client = subscribe(stream, 3, 8, token)) {
      JsonNode query = client.next("query");
      assertThat(query.at("/result/data/stream/title").asText()).isEqualTo("Sprint");
      assertThat(query.at("/result/data/stream/markets"))
          .extracting(m -> m.get("marketId").asText() + "@" + m.get("priceVersion").asLong())
          .containsExactly("mk1@5", "mk0@4");
      assertThat(query.at("/result/data/me/email").asText()).isEqualTo("fan@example.com");

      // Resumed from sequence 3: the three already on the bus, then live ones as published.
      List<Long> sequences = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        sequences.add(client.next("next").at("/result/data/marketUpdates/sequence").asLong());
      }
      for (int i = 6; i <= 10; i++) {
        f.shared.bus().append(topic, update(stream, "mk" + (i % 2), i).toByteArray());
      }
      for (int i = 0; i < 5; i++) {
        JsonNode next = client.next("next").at("/result/data/marketUpdates");
        sequences.add(next.get("sequence").asLong());
        assertThat(next.get("priceVersion").asLong()).isEqualTo(next.get("sequence").asLong());
        assertThat(next.get("streamId").asText()).isEqualTo(stream);
        assertThat(next.get("state").asText()).isEqualTo("OPEN");
        assertThat(next.at("/prices/0/decimalOddsBp").asInt())
            .isEqualTo(20_000 + (int) next.get("sequence").asLong());
      }
      assertThat(sequences).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
      assertThat(client.next("done").get("received").asInt()).isEqualTo(8);
      assertThat(client.exitCode()).isZero();
    }
  }

  @Test
  void aSubscriptionToAStreamThatDoesNotExistIsRefusedWithItsCode() throws Exception {
    try (GraphQlClient client = subscribe("str_nosuchstream00000", 1, 1, null)) {
      assertThat(client.next("query").at("/result/data/stream").isNull()).isTrue();
      // A resolver's refusal is a result with errors (graphql-ws `next`), then the end.
      JsonNode refused = client.next("next").at("/result");
      assertThat(refused.get("data").isNull()).isTrue();
      assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("stream_not_found");
      client.next("done");
      assertThat(client.exitCode()).isZero();
    }
  }

  @Test
  void httpQueriesAnswerDataAndRefuseWhatIsTooDeepMalformedUnsignedOrASubscription() {
    String caster = f.userWith("caster@example.com", "broadcaster");
    String stream = f.createStream("Heat 2", caster).get("id").asText();
    HttpResponse<String> streams =
        graphql("{ streams(first: 5) { items { id title state } } }", null);
    assertThat(streams.statusCode()).as(streams.body()).isEqualTo(200);
    assertThat(streams.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/graphql-response+json");
    assertThat(f.read(streams).at("/data/streams/items/0/id").asText()).isEqualTo(stream);

    HttpResponse<String> me = graphql("{ me { email } }", null);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(f.read(me).at("/errors/0/extensions/code").asText())
        .isEqualTo("authentication_required");
    assertThat(f.read(graphql("{ me { email roles } }", caster)).at("/data/me/roles").toString())
        .contains("broadcaster");

    HttpResponse<String> tooDeep =
        graphql(
            "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }",
            null);
    assertThat(tooDeep.statusCode()).as(tooDeep.body()).isEqualTo(400);
    assertThat(f.read(tooDeep).at("/errors/0/message").asText()).containsIgnoringCase("depth");

    HttpResponse<String> syntax = graphql("{ streams(first: ", null);
    assertThat(syntax.statusCode()).isEqualTo(400);
    assertThat(f.read(syntax).get("errors")).isNotEmpty();

    HttpResponse<String> badPage = graphql("{ streams(first: 0) { items { id } } }", null);
    assertThat(f.read(badPage).at("/errors/0/extensions/code").asText()).isEqualTo("invalid_limit");

    f.assertProblem(
        graphql("subscription { marketUpdates(streamId: \"" + stream + "\") { sequence } }", null),
        400,
        "subscription_needs_websocket");
    f.assertProblem(
        f.post("/api/graphql", "{\"query\":\" \"}", null), 400, "invalid_graphql_request");
    f.assertProblem(
        f.post("/api/graphql", "{\"query\":\"{ me { email } }\"}", "not-a-token"),
        401,
        "invalid_token");
  }

  @Test
  void storedMarketsReadAsRestShowsThemAndListFieldsCostTheirFirstAgainstTheComplexityLimit() {
    String operator = f.userWith("op@example.com", "operator");
    String stream =
        f.createStream("Heat 4", f.userWith("caster@example.com", "broadcaster"))
            .get("id")
            .asText();
    JsonNode made = new MarketBettors(f).market(operator, stream, 600);
    String marketId = made.get("id").asText();
    JsonNode rest = f.read(f.get("/api/streams/" + stream + "/markets"));
    JsonNode markets =
        f.read(
                graphql(
                    "{ markets(streamId: \""
                        + stream
                        + "\") { id title state priceVersion selections { id name decimalOddsBp"
                        + " } settlement { void } evidence { measure } } }",
                    null))
            .at("/data/markets");
    assertThat(markets).hasSize(rest.get("markets").size());
    assertThat(markets.at("/0/id").asText()).isEqualTo(marketId);
    for (int i = 0; i < 2; i++) {
      JsonNode restSelection = rest.at("/markets/0/selections/" + i);
      JsonNode selection = markets.at("/0/selections/" + i);
      assertThat(selection.get("id")).isEqualTo(restSelection.get("id"));
      assertThat(selection.get("name")).isEqualTo(restSelection.get("name"));
      assertThat(selection.get("decimalOddsBp")).isEqualTo(restSelection.get("decimalOddsBp"));
    }
    assertThat(markets.at("/0/settlement").isNull()).isTrue();
    assertThat(markets.at("/0/evidence").isNull()).isTrue();
    assertThat(
            f.read(graphql("{ market(id: \"" + marketId + "\") { title state } }", null))
                .at("/data/market/title")
                .asText())
        .isEqualTo(made.get("title").asText());
    assertThat(
            f.read(graphql("{ market(id: \"mkt_nope\") { id } }", null))
                .at("/data/market")
                .isNull())
        .isTrue();
    assertThat(
            f.read(graphql("{ markets(streamId: \"str_nope\") { id } }", null))
                .at("/errors/0/extensions/code")
                .asText())
        .isEqualTo("stream_not_found");

    // 1 + 200 × (1 + 16 + market's 1 + 4 selections…) is far past the limit: refused unrun.
    HttpResponse<String> tooComplex =
        graphql(
            "{ myBets(first: 200) { items { id marketId marketTitle streamId selectionId"
                + " selectionName stakeMinor currency decimalOddsBp potentialPayoutMinor state"
                + " placedAt settledAt payoutMinor evidenceUrl market { id selections { id name"
                + " decimalOddsBp probabilityPpm } } } } }",
            null);
    assertThat(tooComplex.statusCode()).as(tooComplex.body()).isEqualTo(400);
    assertThat(f.read(tooComplex).at("/errors/0/message").asText())
        .containsIgnoringCase("complexity");
    // The same selection on a page of ten fits, and is then judged by access (anonymous here).
    HttpResponse<String> aPage =
        graphql(
            "{ myBets(first: 10) { items { id market { id selections { id name } } } } }", null);
    assertThat(aPage.statusCode()).as(aPage.body()).isEqualTo(200);
    assertThat(f.read(aPage).at("/errors/0/extensions/code").asText())
        .isEqualTo("authentication_required");
  }

  private HttpResponse<String> graphql(String query, String bearer) {
    String body = f.json.createObjectNode().put("query", query).toString();
    return f.send(
        GatewayFixture.withBearer(
            HttpRequest.newBuilder(f.uri("/api/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)),
            bearer));
  }

  static MarketUpdate update(String stream, String market, long version) {
    return MarketUpdate.newBuilder()
        .setMarketId(market)
        .setStreamId(stream)
        .setPriceVersion(version)
        .setState(MarketState.MARKET_STATE_OPEN)
        .setReason(MarketChangeReason.MARKET_CHANGE_REASON_REPRICED)
        .addPrices(
            SelectionPrice.newBuilder()
                .setSelectionId("over")
                .setDecimalOddsBp(20_000 + (int) version)
                .setProbabilityPpm(480_000))
        .build();
  }

  /**
   * The graphql-ws client on {@code stream}'s market updates from {@code from}, {@code count} of
   * them.
   */
  private GraphQlClient subscribe(String stream, long from, int count, String token)
      throws java.io.IOException {
    return GraphQlClient.run(
        f,
        "graphql-subscribe.mjs",
        List.of(stream, Long.toString(from), Integer.toString(count)),
        token);
  }
}
