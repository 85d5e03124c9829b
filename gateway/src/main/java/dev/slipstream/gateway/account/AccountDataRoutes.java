package dev.slipstream.gateway.account;

import dev.slipstream.gateway.access.Access;
import dev.slipstream.gateway.access.Callers;
import dev.slipstream.gateway.access.SessionCookies;
import dev.slipstream.gateway.auth.Account;
import dev.slipstream.gateway.auth.Accounts;
import dev.slipstream.gateway.http.JsonBodies;
import dev.slipstream.gateway.wallet.MoneyRoutes;
import dev.slipstream.gateway.wallet.MoneyServices;
import dev.slipstream.gateway.wallet.MoneyViews;
import dev.slipstream.ledger.HistoryPage;
import dev.slipstream.ledger.Transfer;
import io.javalin.config.RoutesConfig;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The person's data rights: {@code GET /api/account/export} returns, as JSON, everything held about
 * the caller (account, wallet and its full history, payments, limits, sightings, fraud flags, audit
 * lines); {@code DELETE /api/account} with the password erases them: email, name and password are
 * deleted, every session ends and sign-in becomes impossible, while the ledger keeps its entries
 * under the account id (now a pseudonym), so the books stay balanced.
 */
public final class AccountDataRoutes {
  /** The body of an erasure: the password, so a stolen session alone cannot erase an account. */
  record EraseBody(String password) {}

  private AccountDataRoutes() {}

  /** Registers the routes; {@code money} null exports and erases the account alone. */
  public static void register(
      RoutesConfig routes, Accounts accounts, @Nullable MoneyServices money, InstantSource clock) {
    routes.get(
        "/api/account/export",
        ctx -> {
          String userId = Callers.of(ctx).userId();
          Account account = accounts.account(userId);
          Map<String, Object> export = new LinkedHashMap<>();
          export.put("exportedAt", clock.instant());
          export.put("account", AccountView.of(account));
          if (money != null) {
            money(export, money, userId);
          }
          ctx.header("Cache-Control", "no-store");
          ctx.header(
              "Content-Disposition", "attachment; filename=\"slipstream-" + userId + ".json\"");
          ctx.json(export);
        },
        Access.SIGNED_IN);
    routes.delete(
        "/api/account",
        ctx -> {
          String userId = Callers.of(ctx).userId();
          EraseBody body = JsonBodies.read(ctx, EraseBody.class);
          accounts.erase(userId, body.password());
          if (money != null) {
            int forgotten = money.fraud().forget(userId);
            var wallet = money.wallet(userId);
            money
                .audit()
                .record(
                    userId,
                    "account.erased",
                    "user:" + userId,
                    Map.of(
                        "walletAccountId", wallet.id(),
                        "balanceKept", wallet.balance(),
                        "sightingsDeleted", forgotten));
          }
          SessionCookies.clear(ctx);
          ctx.status(204);
        },
        Access.SIGNED_IN);
  }

  private static void money(Map<String, Object> export, MoneyServices money, String userId) {
    var wallet = money.wallet(userId);
    Map<String, Object> w = new LinkedHashMap<>();
    w.put("accountId", Long.toString(wallet.id()));
    w.put("currency", wallet.currency());
    w.put("balanceMinor", wallet.balance());
    w.put("availableMinor", wallet.available());
    w.put("heldMinor", wallet.held());
    export.put("wallet", w);
    List<MoneyViews.TransactionView> transactions = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      HistoryPage page = money.ledger().history(wallet.id(), cursor, 200);
      for (Transfer t : page.transfers()) {
        transactions.add(
            new MoneyViews.TransactionView(
                Long.toString(t.id()),
                t.kind().name().toLowerCase(java.util.Locale.ROOT),
                t.changeFor(wallet.id()),
                t.currency(),
                t.holdId() == null ? null : Long.toString(t.holdId()),
                t.metadata(),
                t.createdAt()));
      }
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    export.put("transactions", transactions);
    export.put("openHolds", money.ledger().openHolds(wallet.id()));
    export.put(
        "deposits",
        money.payments().deposits(wallet.id()).stream().map(MoneyViews.DepositView::of).toList());
    export.put(
        "withdrawals",
        money.payments().withdrawals(wallet.id()).stream()
            .map(MoneyViews.WithdrawalView::of)
            .toList());
    export.put("chargebacks", money.payments().chargebacks(wallet.id()));
    export.put("limits", MoneyRoutes.limitsView(money, wallet.id()));
    export.put("sightings", money.fraud().sightings(userId));
    export.put(
        "fraudFlags",
        money.fraud().flagsAbout(userId).stream().map(MoneyViews.FlagView::of).toList());
    List<Object> audit = new ArrayList<>();
    for (var entry : money.audit().about("user:" + userId, 10_000)) {
      audit.add(auditLine(entry));
    }
    for (var entry : money.audit().about("account:" + wallet.id(), 10_000)) {
      audit.add(auditLine(entry));
    }
    for (var entry : money.audit().by(userId, 10_000)) {
      audit.add(auditLine(entry));
    }
    export.put("auditLog", audit);
  }

  private static Map<String, Object> auditLine(dev.slipstream.ledger.audit.AuditEntry e) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("id", Long.toString(e.id()));
    line.put("at", e.at());
    line.put("actor", e.actor());
    line.put("action", e.action());
    line.put("subject", e.subject());
    line.put("details", MoneyViews.json(e.details()));
    return line;
  }
}
