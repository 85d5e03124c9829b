package dev.slipstream.gateway.wallet;

import dev.slipstream.gateway.auth.Accounts;
import io.javalin.config.RoutesConfig;

/** Registers every money route: the wallet's, the provider's webhook, limits and operators'. */
public final class MoneyRoutes {
  private MoneyRoutes() {}

  /** Registers the routes over {@code money}, with sightings recorded through {@code sightings}. */
  public static void register(
      RoutesConfig routes, MoneyServices money, Accounts accounts, Sightings sightings) {
    WalletMoneyRoutes.register(routes, money, sightings);
    WebhookRoutes.register(routes, money);
    LimitsRoutes.register(routes, money);
    OperatorMoneyRoutes.register(routes, money, accounts);
  }

  /** Returns a player's limits and break as the API shows them (for the data export). */
  public static Object limitsView(MoneyServices money, long wallet) {
    return LimitsRoutes.view(money, wallet);
  }
}
