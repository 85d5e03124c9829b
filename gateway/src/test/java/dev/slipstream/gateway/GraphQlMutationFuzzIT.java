package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Thousands of seeded garbage mutations over GraphQL HTTP, sent by a funded bettor: {@code
 * placeBet}, {@code deposit} and {@code cancelBet} with every variable a bad value (wrong types,
 * huge numbers, empty and control-character strings, nested junk) or the variables themselves not
 * an object. Every answer is a GraphQL refusal (200 with coded errors, or 400), never a 5xx nor an
 * {@code internal_error}, and afterwards every gateway, ledger, media and markets table holds
 * exactly what it held before.
 */
class GraphQlMutationFuzzIT {
  private static final long SEED = 20261125L;
  private static final int CASES = 1_500;
  private static final List<String> MUTATIONS =
      List.of(
          "mutation ($input: BetInput!, $key: String!) { placeBet(input: $input, idempotencyKey:"
              + " $key) { replayed bet { id } } }",
          "mutation ($amount: Long!, $currency: String, $method: String!, $key: String!) {"
              + " deposit(amountMinor: $amount, currency: $currency, paymentMethod: $method,"
              + " idempotencyKey: $key) { replayed deposit { id } } }",
          "mutation ($id: ID!) { cancelBet(id: $id) { id } }");
  private static final List<String> BET_FIELDS =
      List.of(
          "marketId",
          "selectionId",
          "stakeMinor",
          "currency",
          "decimalOddsBp",
          "priceVersion",
          "acceptBetterOdds",
          "mediaTimeUs");

  private GatewayFixture f;
  private final FuzzInputs fuzz = new FuzzInputs(SEED);

  @BeforeEach
  void start() throws Exception {
    f = GatewayFixture.start();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void garbageMutationsAreRefusedWithoutFiveHundredsAndChangeNothing() {
    MarketBettors bettors = new MarketBettors(f);
    String bettor = bettors.funded("ann@example.com", 10_000).token();
    String operator = f.userWith("op@example.com", "operator");
    String stream =
        f.createStream("Fuzz", f.userWith("caster@example.com", "broadcaster")).get("id").asText();
    bettors.market(operator, stream, 600);
    Map<String, String> before = fingerprint();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      String query = fuzz.pick(MUTATIONS);
      String variables = variables();
      String body = "{\"query\":" + f.json.valueToTree(query) + ",\"variables\":" + variables + "}";
      HttpResponse<String> answer =
          f.send(
              GatewayFixture.withBearer(
                  HttpRequest.newBuilder(f.uri("/api/graphql"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body)),
                  bettor));
      if (!accepted(answer)) {
        failures.add(answer.statusCode() + " " + body + " -> " + answer.body());
      }
    }
    assertThat(failures).as("mutations answered other than with a refusal").isEmpty();
    assertThat(fingerprint()).isEqualTo(before);
  }

  /** A refusal: 400, or 200 whose errors all carry a code that is not {@code internal_error}. */
  private boolean accepted(HttpResponse<String> answer) {
    if (answer.statusCode() == 400) {
      return true;
    }
    if (answer.statusCode() != 200) {
      return false;
    }
    JsonNode errors = f.read(answer).get("errors");
    if (errors == null || errors.isEmpty()) {
      return false;
    }
    for (JsonNode error : errors) {
      String code = error.at("/extensions/code").asText("");
      String classification = error.at("/extensions/classification").asText("");
      if (code.equals("internal_error") || (code.isEmpty() && classification.isEmpty())) {
        return false;
      }
    }
    return true;
  }

  private String variables() {
    return switch (fuzz.nextInt(10)) {
      case 0 -> fuzz.badValue();
      case 1 -> fuzz.body(List.of("input", "key", "amount", "id"), 4 * 1024);
      case 2, 3 ->
          // A well-formed key, so the resolver judges the input itself (never complete: no market).
          "{\"key\":\"fuzz-"
              + fuzz.nextInt(1_000_000)
              + "\",\"amount\":"
              + fuzz.badValue()
              + ",\"method\":\"tok_visa\",\"id\":"
              + fuzz.badValue()
              + ",\"input\":"
              + fuzz.object(BET_FIELDS.subList(1, BET_FIELDS.size()))
              + "}";
      default -> {
        StringBuilder vars = new StringBuilder("{\"input\":");
        vars.append(fuzz.nextInt(4) == 0 ? fuzz.badValue() : fuzz.object(BET_FIELDS));
        for (String name : List.of("key", "amount", "currency", "method", "id")) {
          if (fuzz.nextInt(4) > 0) {
            vars.append(",\"").append(name).append("\":").append(fuzz.badValue());
          }
        }
        yield vars.append('}').toString();
      }
    };
  }

  private Map<String, String> fingerprint() {
    return DatabaseFingerprint.of(
        f.db.dataSource(),
        List.of("gateway", "ledger", "media", "markets"),
        Set.of("gateway.login_failures"));
  }
}
