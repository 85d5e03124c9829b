package dev.slipstream.gateway.wallet;

import dev.slipstream.gateway.access.Access;
import dev.slipstream.gateway.access.Callers;
import dev.slipstream.gateway.auth.Role;
import dev.slipstream.gateway.http.JsonBodies;
import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.HistoryPage;
import dev.slipstream.ledger.payments.PaymentIntent;
import dev.slipstream.ledger.payments.Withdrawal;
import dev.slipstream.platform.NotFoundException;
import io.javalin.config.RoutesConfig;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The caller's own money: history ({@code GET /api/wallet/transactions}), deposits and withdrawals
 * through the payment provider. Deposits are checked against the player's break and deposit limits
 * before the provider is asked; both take an {@code Idempotency-Key}, so a retried request never
 * pays twice. Bettors only.
 */
final class WalletMoneyRoutes {
  /** The body of a deposit. */
  record DepositBody(Long amountMinor, String paymentMethod, @Nullable String currency) {}

  /** The body of a withdrawal. */
  record WithdrawalBody(Long amountMinor, String destination, @Nullable String currency) {}

  private WalletMoneyRoutes() {}

  static void register(RoutesConfig routes, MoneyServices money, Sightings sightings) {
    Access bettor = Access.anyOf(Role.BETTOR);
    Deposits deposits = new Deposits(money, sightings);
    routes.get(
        "/api/wallet/transactions",
        ctx -> {
          int limit = Requests.limit(ctx, 50, 200);
          Account wallet = money.wallet(Callers.of(ctx).userId());
          HistoryPage page = money.ledger().history(wallet.id(), Requests.cursor(ctx), limit);
          ctx.header("Cache-Control", "no-store");
          ctx.json(
              new MoneyViews.TransactionPage(
                  page.transfers().stream()
                      .map(t -> MoneyViews.TransactionView.of(t, wallet.id()))
                      .toList(),
                  page.nextCursor().orElse(null)));
        },
        bettor);
    routes.post(
        "/api/wallet/deposits",
        ctx -> {
          UUID key = Requests.idempotencyKey(ctx);
          Sightings.requireValidDevice(ctx);
          DepositBody body = JsonBodies.read(ctx, DepositBody.class);
          Deposits.Started started =
              deposits.deposit(
                  Callers.of(ctx).userId(),
                  key,
                  body.amountMinor(),
                  body.currency(),
                  body.paymentMethod(),
                  ctx.header(Sightings.DEVICE_HEADER),
                  ctx.ip());
          PaymentIntent intent = started.intent();
          ctx.status(started.replay() ? 200 : 202)
              .header("Location", "/api/wallet/deposits/" + intent.id())
              .json(MoneyViews.DepositView.of(intent));
        },
        bettor);
    routes.get(
        "/api/wallet/deposits",
        ctx -> {
          Account wallet = money.wallet(Callers.of(ctx).userId());
          ctx.json(
              Map.of(
                  "items",
                  money.payments().deposits(wallet.id()).stream()
                      .map(MoneyViews.DepositView::of)
                      .toList()));
        },
        bettor);
    routes.get(
        "/api/wallet/deposits/{id}",
        ctx -> {
          long id = Requests.id(ctx, "deposit_not_found");
          Account wallet = money.wallet(Callers.of(ctx).userId());
          PaymentIntent intent =
              money
                  .payments()
                  .findIntent(id)
                  .filter(i -> i.walletAccountId() == wallet.id())
                  .orElseThrow(
                      () -> new NotFoundException("deposit_not_found", "no deposit " + id));
          ctx.json(MoneyViews.DepositView.of(intent));
        },
        bettor);
    routes.post(
        "/api/wallet/withdrawals",
        ctx -> {
          UUID key = Requests.idempotencyKey(ctx);
          WithdrawalBody body = JsonBodies.read(ctx, WithdrawalBody.class);
          long amount = Requests.amount(body.amountMinor());
          String currency = body.currency() == null ? money.currency() : body.currency();
          String userId = Callers.of(ctx).userId();
          Account wallet = money.wallet(userId);
          Withdrawal withdrawal =
              money
                  .payments()
                  .requestWithdrawal(wallet.id(), amount, currency, body.destination(), key);
          money
              .audit()
              .record(
                  userId,
                  "withdrawal.requested",
                  "withdrawal:" + withdrawal.id(),
                  Map.of("amount", amount, "currency", currency, "state", withdrawal.state()));
          ctx.status(202)
              .header("Location", "/api/wallet/withdrawals/" + withdrawal.id())
              .json(MoneyViews.WithdrawalView.of(withdrawal));
        },
        bettor);
    routes.get(
        "/api/wallet/withdrawals",
        ctx -> {
          Account wallet = money.wallet(Callers.of(ctx).userId());
          ctx.json(
              Map.of(
                  "items",
                  money.payments().withdrawals(wallet.id()).stream()
                      .map(MoneyViews.WithdrawalView::of)
                      .toList()));
        },
        bettor);
    routes.get(
        "/api/wallet/withdrawals/{id}",
        ctx -> {
          long id = Requests.id(ctx, "withdrawal_not_found");
          Account wallet = money.wallet(Callers.of(ctx).userId());
          Withdrawal withdrawal =
              money
                  .payments()
                  .findWithdrawal(id)
                  .filter(w -> w.walletAccountId() == wallet.id())
                  .orElseThrow(
                      () -> new NotFoundException("withdrawal_not_found", "no withdrawal " + id));
          ctx.json(MoneyViews.WithdrawalView.of(withdrawal));
        },
        bettor);
  }
}
