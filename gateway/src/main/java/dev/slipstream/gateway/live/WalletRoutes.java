package dev.slipstream.gateway.live;

import dev.slipstream.gateway.access.Access;
import dev.slipstream.gateway.access.Callers;
import dev.slipstream.gateway.auth.Role;
import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.Ledger;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/wallet}: the caller's wallet (opened, empty, on first use). Bettors only. */
final class WalletRoutes {
  /**
   * A wallet as the API shows it, amounts in minor units.
   *
   * @param accountId the ledger account id, which bets over the live socket stake from
   * @param currency ISO 4217 code
   * @param balanceMinor money in the wallet, held money included
   * @param availableMinor money that can be staked or withdrawn now
   * @param heldMinor money held for open bets and pending withdrawals
   * @param version grows with every change
   */
  record WalletView(
      String accountId,
      String currency,
      long balanceMinor,
      long availableMinor,
      long heldMinor,
      long version) {
    static WalletView of(Account account) {
      return new WalletView(
          Long.toString(account.id()),
          account.currency(),
          account.balance(),
          account.available(),
          account.held(),
          account.version());
    }
  }

  private WalletRoutes() {}

  static void register(RoutesConfig routes, @Nullable Ledger ledger) {
    routes.get(
        "/api/wallet",
        ctx -> {
          if (ledger == null) {
            throw new HttpResponseException(503, "this server has no ledger, so no wallets");
          }
          String userId = Callers.of(ctx).userId();
          ctx.json(
              WalletView.of(
                  ledger.openAccount(AccountKind.PLAYER_WALLET, userId, SocketBets.CURRENCY)));
        },
        Access.anyOf(Role.BETTOR));
  }
}
