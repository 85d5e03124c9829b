package dev.slipstream.gateway.wallet;

import dev.slipstream.gateway.access.Access;
import dev.slipstream.gateway.access.Callers;
import dev.slipstream.gateway.auth.Accounts;
import dev.slipstream.gateway.http.JsonBodies;
import dev.slipstream.ledger.fraud.FlagPage;
import dev.slipstream.ledger.payments.Withdrawal;
import dev.slipstream.ledger.payments.WithdrawalState;
import dev.slipstream.platform.InvalidInputException;
import io.javalin.config.RoutesConfig;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What operators do with money: review large withdrawals ({@code GET /api/operator/withdrawals},
 * approve, reject), verify a player so they may withdraw, and read the fraud flags with their
 * evidence. Every action is written to the audit log under the operator's id.
 */
final class OperatorMoneyRoutes {
  /** The body of a rejection. */
  record RejectBody(String reason) {}

  private OperatorMoneyRoutes() {}

  private static final int MAX_REASON_CHARS = 500;

  static void register(RoutesConfig routes, MoneyServices money, Accounts accounts) {
    routes.get(
        "/api/operator/withdrawals",
        ctx -> {
          String raw = ctx.queryParamAsClass("state", String.class).getOrDefault("in_review");
          WithdrawalState state = state(raw);
          int limit = Requests.limit(ctx, 100, 500);
          ctx.json(
              Map.of(
                  "items",
                  money.payments().withdrawalsIn(state, limit).stream()
                      .map(MoneyViews.WithdrawalView::of)
                      .toList()));
        },
        Access.OPERATOR);
    routes.post(
        "/api/operator/withdrawals/{id}/approve",
        ctx -> {
          long id = Requests.id(ctx, "withdrawal_not_found");
          String operator = Callers.of(ctx).userId();
          Withdrawal approved = money.payments().approveWithdrawal(id, operator);
          money
              .audit()
              .record(
                  operator,
                  "withdrawal.approved",
                  "withdrawal:" + id,
                  Map.of("amount", approved.amount(), "currency", approved.currency()));
          ctx.json(MoneyViews.WithdrawalView.of(approved));
        },
        Access.OPERATOR);
    routes.post(
        "/api/operator/withdrawals/{id}/reject",
        ctx -> {
          long id = Requests.id(ctx, "withdrawal_not_found");
          String reason = reason(JsonBodies.read(ctx, RejectBody.class).reason());
          String operator = Callers.of(ctx).userId();
          Withdrawal rejected = money.payments().rejectWithdrawal(id, operator, reason);
          money
              .audit()
              .record(
                  operator,
                  "withdrawal.rejected",
                  "withdrawal:" + id,
                  Map.of("amount", rejected.amount(), "reason", reason));
          ctx.json(MoneyViews.WithdrawalView.of(rejected));
        },
        Access.OPERATOR);
    routes.post(
        "/api/operator/users/{id}/verify",
        ctx -> {
          String userId = accounts.account(ctx.pathParam("id")).id();
          String operator = Callers.of(ctx).userId();
          long wallet = money.wallet(userId).id();
          money.payments().verifyWallet(wallet, operator);
          money
              .audit()
              .record(operator, "user.verified", "user:" + userId, Map.of("wallet", wallet));
          ctx.json(
              Map.of("userId", userId, "walletAccountId", Long.toString(wallet), "verified", true));
        },
        Access.OPERATOR);
    routes.get(
        "/api/operator/fraud-flags",
        ctx -> {
          FlagPage page = money.fraud().flags(Requests.cursor(ctx), Requests.limit(ctx, 50, 200));
          ctx.header("Cache-Control", "no-store");
          ctx.json(
              new MoneyViews.FlagPageView(
                  page.flags().stream().map(MoneyViews.FlagView::of).toList(),
                  page.nextCursor().orElse(null)));
        },
        Access.OPERATOR);
  }

  /**
   * Returns the operator's reason for a rejection, stripped.
   *
   * @throws InvalidInputException {@code invalid_reason} unless it is 1 to 500 characters of text
   *     without control characters
   */
  private static String reason(@Nullable String raw) {
    String reason = raw == null ? "" : raw.strip();
    if (reason.isEmpty()
        || reason.length() > MAX_REASON_CHARS
        || reason.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException(
          "invalid_reason",
          "give the reason for the player as 1 to "
              + MAX_REASON_CHARS
              + " characters without control characters: {\"reason\":\"…\"}");
    }
    return reason;
  }

  private static WithdrawalState state(@Nullable String raw) {
    for (WithdrawalState state : WithdrawalState.values()) {
      if (state.name().toLowerCase(Locale.ROOT).equals(raw)) {
        return state;
      }
    }
    throw new InvalidInputException(
        "invalid_state",
        "state must be requested, in_review, approved, paid, rejected or failed (was " + raw + ")");
  }
}
