package dev.slipstream.gateway.markets;

import dev.slipstream.gateway.access.Access;
import dev.slipstream.gateway.access.Callers;
import dev.slipstream.gateway.auth.Accounts;
import dev.slipstream.gateway.http.JsonBodies;
import dev.slipstream.gateway.wallet.MoneyServices;
import dev.slipstream.markets.engine.AccountRiskView;
import dev.slipstream.markets.service.MarketService;
import dev.slipstream.platform.InvalidInputException;
import io.javalin.config.RoutesConfig;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What operators set for one bettor's betting: {@code GET /api/operator/users/{id}/risk} (the
 * settings and the late-bet record) and {@code PUT} (a confidence factor 0–1 that scales every
 * market's largest stake, a bet delay during which their bets wait as pending, and a block). For
 * new or flagged accounts: a bettor whose late-bet score climbs may be watching a faster picture,
 * and a delay makes a suspension reach their bets before they stand. Each change is written to the
 * audit log.
 */
public final class AccountRiskRoutes {
  /** The body of a change; every field is required. */
  record RiskBody(
      @Nullable Double confidence, @Nullable Long betDelayMs, @Nullable Boolean blocked) {}

  /** A bettor's risk as the API shows it. */
  record RiskView(
      String userId,
      double confidence,
      long betDelayMs,
      boolean blocked,
      int bets,
      int lateBets,
      double lateBetScore) {
    static RiskView of(String userId, AccountRiskView risk) {
      return new RiskView(
          userId,
          risk.confidence(),
          risk.betDelayMicros() / 1000,
          risk.blocked(),
          risk.bets(),
          risk.lateBets(),
          risk.lateBetScore());
    }
  }

  private AccountRiskRoutes() {}

  /** Registers the routes. */
  public static void register(
      RoutesConfig routes, MarketService markets, MoneyServices money, Accounts accounts) {
    routes.get(
        "/api/operator/users/{id}/risk",
        ctx -> {
          String userId = accounts.account(ctx.pathParam("id")).id();
          ctx.header("Cache-Control", "no-store");
          ctx.json(RiskView.of(userId, markets.accountRisk(money.wallet(userId).id())));
        },
        Access.OPERATOR);
    routes.put(
        "/api/operator/users/{id}/risk",
        ctx -> {
          String userId = accounts.account(ctx.pathParam("id")).id();
          RiskBody body = JsonBodies.read(ctx, RiskBody.class);
          if (body.confidence() == null || body.betDelayMs() == null || body.blocked() == null) {
            throw new InvalidInputException(
                "invalid_request", "send confidence (0–1), betDelayMs and blocked");
          }
          if (body.betDelayMs() < 0 || body.betDelayMs() > Long.MAX_VALUE / 1000) {
            throw new InvalidInputException(
                "invalid_bet_delay",
                "betDelayMs must be 0 or more (was " + body.betDelayMs() + ")");
          }
          AccountRiskView risk =
              markets.setAccountRisk(
                  money.wallet(userId).id(),
                  body.confidence(),
                  body.betDelayMs() * 1000,
                  body.blocked());
          String operator = Callers.of(ctx).userId();
          money
              .audit()
              .record(
                  operator,
                  "user.risk_set",
                  "user:" + userId,
                  Map.of(
                      "confidence", body.confidence(),
                      "betDelayMs", body.betDelayMs(),
                      "blocked", body.blocked()));
          ctx.json(RiskView.of(userId, risk));
        },
        Access.OPERATOR);
  }
}
