package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.Reconciliation;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wallet over real HTTP: deposits through the sandbox provider whose signed webhooks come back
 * over HTTP, history pages, limits with their cooling-off, breaks enforced on the deposit path, the
 * webhook route's refusals, and operators reviewing withdrawals. After every test the books
 * reconcile.
 */
class MoneyRoutesIT {
  private GatewayFixture f;

  @BeforeEach
  void start() throws Exception {
    f = GatewayFixture.start();
  }

  @AfterEach
  void booksBalance() {
    try {
      assertThat(
              Reconciliation.postgres(f.db.dataSource(), f.clock, f.payments.holdBacking(), null)
                  .run()
                  .discrepancies())
          .isEmpty();
    } finally {
      f.close();
    }
  }

  @Test
  void aDepositIsCreditedByTheProvidersWebhookAndShowsInThePagedHistory() {
    String ann = f.userWith("ann@example.com");
    UUID key = UUID.randomUUID();
    HttpResponse<String> started = deposit(ann, key, 2_500, "tok_visa");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    assertThat(f.read(started).get("state").asText()).isEqualTo("pending");
    HttpResponse<String> retried = deposit(ann, key, 2_500, "tok_visa");
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(f.read(retried).get("id")).isEqualTo(f.read(started).get("id"));
    deposit(ann, UUID.randomUUID(), 1_000, "tok_visa");
    deposit(ann, UUID.randomUUID(), 500, "tok_visa");

    f.scheduler.runAll();

    assertThat(f.deliveries).hasSize(3).allSatisfy(d -> assertThat(d.status()).isEqualTo(200));
    JsonNode wallet = f.read(f.get("/api/wallet/transactions?limit=2", ann));
    assertThat(wallet.get("items")).hasSize(2);
    assertThat(wallet.get("items").get(0).get("kind").asText()).isEqualTo("deposit");
    JsonNode rest =
        f.read(
            f.get(
                "/api/wallet/transactions?limit=2&cursor=" + wallet.get("nextCursor").asText(),
                ann));
    assertThat(rest.get("items")).hasSize(1);
    assertThat(rest.get("nextCursor").isNull()).isTrue();
    long total = 0;
    for (JsonNode page : new JsonNode[] {wallet, rest}) {
      for (JsonNode item : page.get("items")) {
        total += item.get("amountMinor").asLong();
      }
    }
    assertThat(total).isEqualTo(4_000);
    assertThat(
            f.read(f.get("/api/wallet/deposits/" + f.read(started).get("id").asText(), ann))
                .get("state")
                .asText())
        .isEqualTo("succeeded");
  }

  @Test
  void badDepositRequestsGetSpecificErrorsAndChangeNothing() {
    String ann = f.userWith("ann@example.com");
    f.assertProblem(
        f.send(
            GatewayFixture.withBearer(
                HttpRequest.newBuilder(f.uri("/api/wallet/deposits"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"amountMinor\":100,\"paymentMethod\":\"tok_visa\"}")),
                ann)),
        400,
        "missing_idempotency_key");
    f.assertProblem(
        deposit(ann, "not-a-uuid", "{\"amountMinor\":100,\"paymentMethod\":\"tok_visa\"}"),
        400,
        "invalid_idempotency_key");
    f.assertProblem(deposit(ann, UUID.randomUUID(), -5, "tok_visa"), 400, "invalid_amount");
    f.assertProblem(
        deposit(
            ann,
            UUID.randomUUID().toString(),
            "{\"amountMinor\":100,\"paymentMethod\":\"tok_visa\",\"currency\":\"usd\"}"),
        400,
        "invalid_currency");
    f.assertProblem(
        deposit(
            ann,
            UUID.randomUUID().toString(),
            "{\"amountMinor\":100,\"paymentMethod\":\"tok_visa\",\"tip\":1}"),
        400,
        "malformed_json");
    f.assertProblem(f.get("/api/wallet/transactions?cursor=zzz", ann), 400, "invalid_cursor");
    f.assertProblem(f.get("/api/wallet/transactions?limit=0", ann), 400, "invalid_limit");
    f.assertProblem(f.get("/api/wallet/deposits/999999", ann), 404, "deposit_not_found");
    assertThat(f.read(f.get("/api/wallet/deposits", ann)).get("items")).isEmpty();
    // A card the provider refuses is its definite answer: kept as a failed deposit, no money moved.
    f.assertProblem(
        deposit(ann, UUID.randomUUID(), 100, "tok_nope"), 400, "invalid_payment_method");
    assertThat(f.read(f.get("/api/wallet/deposits", ann)).get("items"))
        .singleElement()
        .satisfies(d -> assertThat(d.get("state").asText()).isEqualTo("failed"));
    assertThat(f.read(f.get("/api/wallet/transactions", ann)).get("items")).isEmpty();
  }

  @Test
  void eachBadMoneyRequestGetsItsOwnErrorAndLeavesWalletDepositsAndWithdrawalsAsTheyWere() {
    String ann = f.userWith("ann@example.com");
    String annId = f.read(f.get("/api/me", ann)).get("id").asText();
    String ops = f.userWith("ops@example.com", "operator");
    UUID depositKey = UUID.randomUUID();
    assertThat(deposit(ann, depositKey, 5_000, "tok_visa").statusCode()).isEqualTo(202);
    f.scheduler.runAll();
    assertThat(f.post("/api/operator/users/" + annId + "/verify", "{}", ops).statusCode())
        .isEqualTo(200);
    UUID withdrawalKey = UUID.randomUUID();
    assertThat(withdraw(ann, withdrawalKey, 1_000).statusCode()).isEqualTo(202);
    f.scheduler.runAll();
    Account walletBefore = wallet(ann);
    assertThat(walletBefore.balance()).isEqualTo(4_000);
    String depositsBefore = f.get("/api/wallet/deposits", ann).body();
    String withdrawalsBefore = f.get("/api/wallet/withdrawals", ann).body();
    String transactionsBefore = f.get("/api/wallet/transactions", ann).body();

    f.assertProblem(deposit(ann, UUID.randomUUID(), 0, "tok_visa"), 400, "invalid_amount");
    f.assertProblem(withdraw(ann, UUID.randomUUID(), 0), 400, "invalid_amount");
    f.assertProblem(withdraw(ann, UUID.randomUUID(), -1), 400, "invalid_amount");
    f.assertProblem(
        deposit(
            ann,
            UUID.randomUUID().toString(),
            "{\"amountMinor\":100,\"paymentMethod\":\"tok_visa\",\"currency\":\"USD\"}"),
        400,
        "currency_mismatch");
    f.assertProblem(
        f.send(
            GatewayFixture.withBearer(
                HttpRequest.newBuilder(f.uri("/api/wallet/withdrawals"))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"amountMinor\":100,\"destination\":\"tok_visa\","
                                + "\"currency\":\"GBP\"}")),
                ann)),
        400,
        "currency_mismatch");
    f.assertProblem(deposit(ann, depositKey, 5_001, "tok_visa"), 409, "idempotency_conflict");
    f.assertProblem(withdraw(ann, withdrawalKey, 1_001), 409, "idempotency_conflict");
    f.assertProblem(f.get("/api/wallet/withdrawals/999999", ann), 404, "withdrawal_not_found");
    f.assertProblem(f.get("/api/wallet/deposits/nonsense", ann), 404, "deposit_not_found");
    String bob = f.userWith("bob@example.com");
    String annsDeposit =
        f.read(f.get("/api/wallet/deposits", ann)).get("items").get(0).get("id").asText();
    f.assertProblem(f.get("/api/wallet/deposits/" + annsDeposit, bob), 404, "deposit_not_found");
    f.assertProblem(deposit(bob, depositKey, 5_000, "tok_visa"), 409, "idempotency_conflict");
    HttpResponse<String> unknownUser =
        f.post("/api/operator/users/00000000-0000-0000-0000-000000000000/verify", "{}", ops);
    assertThat(unknownUser.statusCode()).as(unknownUser.body()).isEqualTo(404);
    f.scheduler.runAll();

    assertThat(wallet(ann)).isEqualTo(walletBefore);
    assertThat(f.get("/api/wallet/deposits", ann).body()).isEqualTo(depositsBefore);
    assertThat(f.get("/api/wallet/withdrawals", ann).body()).isEqualTo(withdrawalsBefore);
    assertThat(f.get("/api/wallet/transactions", ann).body()).isEqualTo(transactionsBefore);
    assertThat(wallet(bob).balance()).isZero();
    assertThat(f.read(f.get("/api/wallet/deposits", bob)).get("items")).isEmpty();
  }

  @Test
  void aLowerLimitBitesAtOnceARaiseOnlyAfterTheCoolingOffAndPendingDepositsCount() {
    String ann = f.userWith("ann@example.com");
    JsonNode set =
        f.read(putLimit(ann, "{\"kind\":\"deposit\",\"period\":\"day\",\"amountMinor\":5000}"));
    assertThat(set.get("amountMinor").asLong()).isEqualTo(5_000);
    assertThat(deposit(ann, UUID.randomUUID(), 4_000, "tok_timeout").statusCode()).isEqualTo(202);
    f.assertProblem(
        deposit(ann, UUID.randomUUID(), 2_000, "tok_visa"), 409, "deposit_limit_exceeded");

    JsonNode raised =
        f.read(putLimit(ann, "{\"kind\":\"deposit\",\"period\":\"day\",\"amountMinor\":20000}"));
    assertThat(raised.get("amountMinor").asLong()).isEqualTo(5_000);
    assertThat(raised.get("pendingAmountMinor").asLong()).isEqualTo(20_000);
    f.assertProblem(
        deposit(ann, UUID.randomUUID(), 2_000, "tok_visa"), 409, "deposit_limit_exceeded");

    f.clock.advance(Duration.ofHours(24).plusMinutes(1));
    ann = f.login("ann@example.com").get("accessToken").asText();
    assertThat(deposit(ann, UUID.randomUUID(), 15_000, "tok_visa").statusCode()).isEqualTo(202);
    JsonNode limits = f.read(f.get("/api/account/limits", ann));
    assertThat(limits.get("limits").get(0).get("amountMinor").asLong()).isEqualTo(20_000);

    JsonNode lowered =
        f.read(putLimit(ann, "{\"kind\":\"deposit\",\"period\":\"day\",\"amountMinor\":1000}"));
    assertThat(lowered.get("amountMinor").asLong()).isEqualTo(1_000);
    f.assertProblem(
        deposit(ann, UUID.randomUUID(), 100, "tok_visa"), 409, "deposit_limit_exceeded");
    f.assertProblem(
        putLimit(ann, "{\"kind\":\"bets\",\"period\":\"day\",\"amountMinor\":1}"),
        400,
        "invalid_limit_kind");
    f.assertProblem(
        putLimit(ann, "{\"kind\":\"loss\",\"period\":\"year\",\"amountMinor\":1}"),
        400,
        "invalid_limit_period");
    f.assertProblem(
        putLimit(ann, "{\"kind\":\"loss\",\"period\":\"day\",\"amountMinor\":0}"),
        400,
        "invalid_limit");
    f.scheduler.runAll();
  }

  @Test
  void aSelfExcludedPlayerCannotDepositAndCannotShortenTheBreak() {
    String ann = f.userWith("ann@example.com");
    f.assertProblem(
        f.post("/api/account/self-exclusion", "{\"days\":30}", ann), 400, "invalid_self_exclusion");
    f.assertProblem(
        f.post("/api/account/self-exclusion", "{}", ann), 400, "invalid_self_exclusion");
    HttpResponse<String> excluded = f.post("/api/account/self-exclusion", "{\"days\":200}", ann);
    assertThat(excluded.statusCode()).as(excluded.body()).isEqualTo(201);
    assertThat(f.read(excluded).get("kind").asText()).isEqualTo("self_exclusion");

    f.assertProblem(deposit(ann, UUID.randomUUID(), 100, "tok_visa"), 409, "account_excluded");
    f.assertProblem(
        f.post("/api/account/time-out", "{\"hours\":2}", ann), 409, "exclusion_cannot_shorten");
    assertThat(f.read(f.get("/api/wallet/deposits", ann)).get("items")).isEmpty();
    assertThat(f.read(f.get("/api/account/limits", ann)).get("exclusion").get("kind").asText())
        .isEqualTo("self_exclusion");
  }

  @Test
  void theWebhookRouteRefusesForgedStaleAndGarbledEventsAndAppliesAReplayOnce() throws Exception {
    String ann = f.userWith("ann@example.com");
    deposit(ann, UUID.randomUUID(), 3_000, "tok_visa");
    f.scheduler.runAll();
    GatewayFixture.Delivery applied = f.deliveries.getFirst();
    assertThat(applied.status()).isEqualTo(200);
    long balance = balance(ann);
    assertThat(balance).isEqualTo(3_000);
    long now = f.clock.instant().getEpochSecond();

    f.assertProblem(
        webhook(applied.body(), sign("whsec_someone_else_0123456789abcdef", now, applied.body())),
        401,
        "invalid_signature");
    f.assertProblem(webhook(applied.body(), "t=" + now + ",v1=00ff"), 401, "invalid_signature");
    f.assertProblem(webhook(applied.body(), null), 401, "invalid_signature");
    f.assertProblem(
        webhook(applied.body(), sign(GatewayFixture.WEBHOOK_SECRET, now - 3_600, applied.body())),
        401,
        "stale_timestamp");
    byte[] garbled = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
    f.assertProblem(
        webhook(garbled, sign(GatewayFixture.WEBHOOK_SECRET, now, garbled)),
        400,
        "malformed_webhook");
    HttpResponse<String> replayed =
        webhook(applied.body(), sign(GatewayFixture.WEBHOOK_SECRET, now, applied.body()));
    assertThat(replayed.statusCode()).isEqualTo(200);
    assertThat(f.read(replayed).get("disposition").asText()).isEqualTo("replayed_event");

    assertThat(balance(ann)).isEqualTo(balance);
    assertThat(f.read(f.get("/api/wallet/transactions", ann)).get("items")).hasSize(1);
  }

  @Test
  void aLargeWithdrawalWaitsForAnOperatorWhoseApprovalIsAudited() {
    String ann = f.userWith("ann@example.com");
    String annId = f.read(f.get("/api/me", ann)).get("id").asText();
    String ops = f.userWith("ops@example.com", "operator");
    deposit(ann, UUID.randomUUID(), 100_000, "tok_visa");
    f.scheduler.runAll();

    f.assertProblem(withdraw(ann, UUID.randomUUID(), 60_000), 409, "unverified_account");
    f.assertProblem(
        f.post("/api/operator/users/" + annId + "/verify", "{}", ann), 403, "forbidden");
    assertThat(f.post("/api/operator/users/" + annId + "/verify", "{}", ops).statusCode())
        .isEqualTo(200);
    f.assertProblem(withdraw(ann, UUID.randomUUID(), 200_000), 409, "insufficient_funds");
    HttpResponse<String> asked = withdraw(ann, UUID.randomUUID(), 60_000);
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
    String id = f.read(asked).get("id").asText();
    assertThat(f.read(asked).get("state").asText()).isEqualTo("in_review");
    assertThat(f.read(f.get("/api/wallet", ann)).isNull()).isFalse();

    f.assertProblem(f.get("/api/operator/withdrawals", ann), 403, "forbidden");
    JsonNode queue = f.read(f.get("/api/operator/withdrawals?state=in_review", ops));
    assertThat(queue.get("items")).extracting(n -> n.get("id").asText()).containsExactly(id);
    f.assertProblem(f.get("/api/operator/withdrawals?state=lost", ops), 400, "invalid_state");
    f.assertProblem(
        f.post("/api/operator/withdrawals/" + id + "/approve", "{}", ann), 403, "forbidden");
    HttpResponse<String> approved =
        f.post("/api/operator/withdrawals/" + id + "/approve", "{}", ops);
    assertThat(f.read(approved).get("state").asText()).isEqualTo("approved");
    f.assertProblem(
        f.post("/api/operator/withdrawals/" + id + "/reject", "{\"reason\":\"late\"}", ops),
        409,
        "withdrawal_not_in_review");
    f.scheduler.runAll();

    assertThat(f.read(f.get("/api/wallet/withdrawals/" + id, ann)).get("state").asText())
        .isEqualTo("paid");
    assertThat(balance(ann)).isEqualTo(40_000);
    String opsId = f.read(f.get("/api/me", ops)).get("id").asText();
    assertThat(f.money.audit().by(opsId, 10))
        .extracting(e -> e.action())
        .containsExactly("user.verified", "withdrawal.approved");
  }

  private long balance(String token) {
    return wallet(token).balance();
  }

  private Account wallet(String token) {
    return f.ledger.openAccount(
        dev.slipstream.ledger.AccountKind.PLAYER_WALLET,
        f.read(f.get("/api/me", token)).get("id").asText(),
        "EUR");
  }

  HttpResponse<String> deposit(String token, UUID key, long amount, String method) {
    return deposit(
        token,
        key.toString(),
        "{\"amountMinor\":" + amount + ",\"paymentMethod\":\"" + method + "\"}");
  }

  HttpResponse<String> deposit(String token, String key, String body) {
    return f.send(
        GatewayFixture.withBearer(
            HttpRequest.newBuilder(f.uri("/api/wallet/deposits"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)),
            token));
  }

  HttpResponse<String> withdraw(String token, UUID key, long amount) {
    return f.send(
        GatewayFixture.withBearer(
            HttpRequest.newBuilder(f.uri("/api/wallet/withdrawals"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key.toString())
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"amountMinor\":" + amount + ",\"destination\":\"tok_visa\"}")),
            token));
  }

  HttpResponse<String> putLimit(String token, String body) {
    return f.send(
        GatewayFixture.withBearer(
            HttpRequest.newBuilder(f.uri("/api/account/limits"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)),
            token));
  }

  HttpResponse<String> webhook(byte[] body, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(f.uri("/api/payments/webhooks/sandbox"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signature != null) {
      request.header("Slipstream-Signature", signature);
    }
    return f.send(request);
  }

  static String sign(String secret, long t, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
    return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
  }
}
