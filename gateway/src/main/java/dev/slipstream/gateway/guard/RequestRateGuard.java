package dev.slipstream.gateway.guard;

import dev.slipstream.gateway.access.Callers;
import dev.slipstream.gateway.http.Problem;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.jspecify.annotations.Nullable;

/**
 * Rate-limits the REST API ({@code /api/*}) per client address and per signed-in account. The
 * address is checked first, before the caller is even identified, so a flood of bad tokens costs
 * the flooder its own bucket; the account is checked once the access guard has found the caller, so
 * an account spread over many addresses is still held to its rate. A refusal is 429 problem {@code
 * rate_limited} with {@code Retry-After}; other addresses and accounts are untouched.
 */
public final class RequestRateGuard {
  private final RateLimiter limiter;
  private final @Nullable RateLimit perAddress;
  private final @Nullable RateLimit perAccount;

  private RequestRateGuard(
      RateLimiter limiter, @Nullable RateLimit perAddress, @Nullable RateLimit perAccount) {
    this.limiter = limiter;
    this.perAddress = perAddress;
    this.perAccount = perAccount;
  }

  /**
   * Installs the per-address check and the 429 answer; call before the access guard is installed.
   * Returns the guard, whose {@link #installAccountCheck} goes after the access guard.
   */
  public static RequestRateGuard installAddressCheck(
      RoutesConfig routes, RateLimiter limiter, GuardSettings settings) {
    RequestRateGuard guard =
        new RequestRateGuard(limiter, settings.perAddress(), settings.perAccount());
    if (guard.perAddress != null) {
      routes.before("/api/*", guard::checkAddress);
    }
    routes.exception(
        RateLimitedException.class,
        (e, ctx) -> {
          ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
          Problem.send(ctx, 429, "rate_limited", "Too many requests", e.getMessage());
        });
    return guard;
  }

  /** Installs the per-account check; call after the access guard has identified callers. */
  public void installAccountCheck(RoutesConfig routes) {
    if (perAccount != null) {
      routes.beforeMatched("/api/*", this::checkAccount);
    }
  }

  private void checkAddress(Context ctx) {
    RateDecision decision = limiter.tryTake("ip:" + ctx.ip(), perAddress);
    if (!decision.allowed()) {
      throw new RateLimitedException(
          "too many requests from this address; try again in "
              + decision.retryAfterSeconds()
              + " s",
          decision.retryAfterSeconds());
    }
  }

  private void checkAccount(Context ctx) {
    var caller = Callers.find(ctx);
    if (caller.isEmpty()) {
      return;
    }
    RateDecision decision = limiter.tryTake("account:" + caller.get().userId(), perAccount);
    if (!decision.allowed()) {
      throw new RateLimitedException(
          "too many requests from this account; try again in "
              + decision.retryAfterSeconds()
              + " s",
          decision.retryAfterSeconds());
    }
  }
}
