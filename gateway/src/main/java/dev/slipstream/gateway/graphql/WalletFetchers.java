package dev.slipstream.gateway.graphql;

import dev.slipstream.gateway.auth.Caller;
import dev.slipstream.gateway.wallet.Deposits;
import dev.slipstream.gateway.wallet.MoneyRoutes;
import dev.slipstream.gateway.wallet.MoneyServices;
import dev.slipstream.gateway.wallet.MoneyViews;
import dev.slipstream.gateway.wallet.Sightings;
import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.HistoryPage;
import dev.slipstream.platform.InvalidInputException;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The caller's money over GraphQL, through the same calls as the wallet routes: {@code wallet}
 * ({@code GET /api/wallet}) with its paged history ({@code GET /api/wallet/transactions}), {@code
 * limits} ({@code GET /api/account/limits}) and the {@code deposit} mutation ({@code POST
 * /api/wallet/deposits}, the one {@link Deposits} path, sandbox provider included). Bettors only.
 */
final class WalletFetchers {
  private static final int MAX_PAGE = 200;

  private final @Nullable MoneyServices money;
  private final @Nullable Deposits deposits;

  WalletFetchers(@Nullable MoneyServices money) {
    this.money = money;
    this.deposits = money == null ? null : new Deposits(money, new Sightings(money));
  }

  void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Query",
        type -> type.dataFetcher("wallet", this::wallet).dataFetcher("limits", this::limits));
    wiring.type("Wallet", type -> type.dataFetcher("transactions", this::transactions));
    wiring.type("Mutation", type -> type.dataFetcher("deposit", this::deposit));
  }

  private WalletView wallet(DataFetchingEnvironment env) {
    Caller caller = CallerContext.bettor(env);
    return WalletView.of(CallerContext.served(money, "wallets").wallet(caller.userId()));
  }

  private TransactionPage transactions(DataFetchingEnvironment env) {
    MoneyServices wallets = CallerContext.served(money, "wallets");
    Integer first = env.getArgument("first");
    if (first == null || first < 1 || first > MAX_PAGE) {
      throw new InvalidInputException(
          "invalid_limit", "first must be 1 to " + MAX_PAGE + " (was " + first + ")");
    }
    long wallet = Long.parseLong(env.<WalletView>getSource().accountId());
    HistoryPage page =
        wallets
            .ledger()
            .history(
                wallet,
                Optional.ofNullable(env.<String>getArgument("after")).filter(c -> !c.isEmpty()),
                first);
    return new TransactionPage(
        page.transfers().stream().map(t -> MoneyViews.TransactionView.of(t, wallet)).toList(),
        page.nextCursor().orElse(null));
  }

  private Object limits(DataFetchingEnvironment env) {
    Caller caller = CallerContext.bettor(env);
    MoneyServices wallets = CallerContext.served(money, "wallets");
    return MoneyRoutes.limitsView(wallets, wallets.wallet(caller.userId()).id());
  }

  private StartedDeposit deposit(DataFetchingEnvironment env) {
    Caller caller = CallerContext.bettor(env);
    Deposits path = CallerContext.served(deposits, "deposits");
    UUID key = Deposits.key(env.getArgument("idempotencyKey"));
    CallerContext.Origin origin = CallerContext.origin(env);
    Sightings.requireValidDevice(origin.device());
    Deposits.Started started =
        path.deposit(
            caller.userId(),
            key,
            env.getArgument("amountMinor"),
            env.getArgument("currency"),
            env.getArgument("paymentMethod"),
            origin.device(),
            origin.address());
    return new StartedDeposit(MoneyViews.DepositView.of(started.intent()), started.replay());
  }

  /** A wallet as GraphQL shows it (as {@code GET /api/wallet} does). */
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

  /** A page of a wallet's history. */
  record TransactionPage(List<MoneyViews.TransactionView> items, @Nullable String nextCursor) {}

  /** A deposit and whether it answers an earlier request with the same key. */
  record StartedDeposit(MoneyViews.DepositView deposit, boolean replayed) {}
}
