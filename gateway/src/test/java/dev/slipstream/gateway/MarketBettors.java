package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.Reconciliation;
import dev.slipstream.ledger.TransferKind;
import dev.slipstream.ledger.TransferRequest;
import dev.slipstream.ledger.spi.HoldBacking;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

/**
 * Bettors and operators of the market tests, over the fixture's real HTTP: funded wallets, markets
 * made by hand, bets with idempotency keys, and the books checked through the ledger.
 */
final class MarketBettors {
  /** A signed-in bettor and their wallet. */
  record Bettor(String token, long walletId) {}

  private final GatewayFixture f;
  private final Account clearing;

  MarketBettors(GatewayFixture f) {
    this.f = f;
    this.clearing = f.ledger.openAccount(AccountKind.PAYMENT_CLEARING, "test-psp", "EUR");
  }

  /** Registers a bettor whose wallet holds {@code minor}. */
  Bettor funded(String email, long minor) {
    String token = f.userWith(email);
    String userId = f.read(f.get("/api/me", token)).get("id").asText();
    long wallet = f.money.wallet(userId).id();
    if (minor > 0) {
      f.ledger.transfer(
          new TransferRequest(
              UUID.randomUUID(), clearing.id(), wallet, minor, "EUR", TransferKind.DEPOSIT, null));
    }
    return new Bettor(token, wallet);
  }

  /** Makes a two-way market on {@code streamId} as {@code operator}: s1 at 2.00, s2 at 3.00. */
  JsonNode market(String operator, String streamId, long closesInS) {
    HttpResponse<String> made =
        f.post(
            "/api/operator/markets",
            "{\"streamId\":\""
                + streamId
                + "\",\"title\":\"Heat 2: who leads at 50 m?\",\"selections\":"
                + "[{\"name\":\"Lane 4\",\"decimalOddsBp\":20000},"
                + "{\"name\":\"Lane 5\",\"decimalOddsBp\":30000}],\"closesInS\":"
                + closesInS
                + "}",
            operator);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    return f.read(made);
  }

  /** A bet body. */
  static String bet(String marketId, String selection, long stake, int oddsBp, long version) {
    return "{\"marketId\":\""
        + marketId
        + "\",\"selectionId\":\""
        + selection
        + "\",\"stakeMinor\":"
        + stake
        + ",\"currency\":\"EUR\",\"decimalOddsBp\":"
        + oddsBp
        + ",\"priceVersion\":"
        + version
        + ",\"acceptBetterOdds\":false}";
  }

  HttpResponse<String> place(String token, String key, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(f.uri("/api/bets"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return f.send(GatewayFixture.withBearer(request, token));
  }

  long balance(long walletId) {
    return f.ledger.account(walletId).balance();
  }

  long held(long walletId) {
    return f.ledger.account(walletId).held();
  }

  /**
   * The books reconcile: sums to zero, balances match, every open hold is a bet's or a payment's.
   */
  void assertBooksBalance() {
    assertThat(
            Reconciliation.postgres(
                    f.db.dataSource(),
                    f.clock,
                    HoldBacking.anyOf(List.of(f.payments.holdBacking(), f.shard.holdBacking())),
                    null)
                .run()
                .discrepancies())
        .isEmpty();
  }
}
