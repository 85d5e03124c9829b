package dev.slipstream.gateway.wallet;

import dev.slipstream.gateway.access.Access;
import dev.slipstream.gateway.access.Callers;
import dev.slipstream.gateway.auth.Role;
import dev.slipstream.gateway.http.JsonBodies;
import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.limits.Exclusion;
import dev.slipstream.ledger.limits.LimitKind;
import dev.slipstream.ledger.limits.LimitPeriod;
import dev.slipstream.ledger.limits.PlayerLimit;
import dev.slipstream.platform.InvalidInputException;
import io.javalin.config.RoutesConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A player's own protections: {@code GET/PUT /api/account/limits} (deposit, loss and stake limits
 * per day, week and month; lowering is at once, raising or removing waits out a 24-hour cooling-off
 * and shows as pending), {@code POST /api/account/time-out} and {@code POST
 * /api/account/self-exclusion}, which cannot be shortened. Bettors only.
 */
final class LimitsRoutes {
  /** The body of a limit change; {@code amountMinor} null removes the limit. */
  record LimitBody(String kind, String period, @Nullable Long amountMinor) {}

  /** The body of a time-out. */
  record TimeOutBody(Integer hours) {}

  /** The body of a self-exclusion: {@code days}, or {@code permanent: true}. */
  record SelfExclusionBody(@Nullable Integer days, @Nullable Boolean permanent) {}

  private LimitsRoutes() {}

  static void register(RoutesConfig routes, MoneyServices money) {
    Access bettor = Access.anyOf(Role.BETTOR);
    routes.get(
        "/api/account/limits",
        ctx -> {
          Account wallet = money.wallet(Callers.of(ctx).userId());
          ctx.header("Cache-Control", "no-store");
          ctx.json(view(money, wallet.id()));
        },
        bettor);
    routes.put(
        "/api/account/limits",
        ctx -> {
          LimitBody body = JsonBodies.read(ctx, LimitBody.class);
          LimitKind kind = parse(LimitKind.class, body.kind(), "invalid_limit_kind");
          LimitPeriod period = parse(LimitPeriod.class, body.period(), "invalid_limit_period");
          OptionalLong amount =
              body.amountMinor() == null
                  ? OptionalLong.empty()
                  : OptionalLong.of(body.amountMinor());
          String userId = Callers.of(ctx).userId();
          Account wallet = money.wallet(userId);
          PlayerLimit limit = money.limits().set(wallet.id(), kind, period, amount);
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("kind", body.kind());
          details.put("period", body.period());
          details.put("amount", body.amountMinor());
          money.audit().record(userId, "limits.changed", "account:" + wallet.id(), details);
          ctx.json(MoneyViews.LimitView.of(limit));
        },
        bettor);
    routes.post(
        "/api/account/time-out",
        ctx -> {
          TimeOutBody body = JsonBodies.read(ctx, TimeOutBody.class);
          if (body.hours() == null) {
            throw new InvalidInputException(
                "invalid_time_out", "give the time-out's length: {\"hours\":24}");
          }
          exclude(ctx, money, false, Duration.ofHours(body.hours()));
        },
        bettor);
    routes.post(
        "/api/account/self-exclusion",
        ctx -> {
          SelfExclusionBody body = JsonBodies.read(ctx, SelfExclusionBody.class);
          boolean permanent = Boolean.TRUE.equals(body.permanent());
          if (permanent == (body.days() != null)) {
            throw new InvalidInputException(
                "invalid_self_exclusion",
                "give either {\"days\":183} (at least 183) or {\"permanent\":true}");
          }
          exclude(ctx, money, true, permanent ? null : Duration.ofDays(body.days()));
        },
        bettor);
  }

  private static void exclude(
      io.javalin.http.Context ctx, MoneyServices money, boolean self, @Nullable Duration length) {
    String userId = Callers.of(ctx).userId();
    Account wallet = money.wallet(userId);
    Exclusion exclusion =
        self
            ? money.limits().selfExclude(wallet.id(), length)
            : money.limits().timeOut(wallet.id(), length);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("until", exclusion.until() == null ? null : exclusion.until().toString());
    money
        .audit()
        .record(
            userId,
            self ? "exclusion.self_excluded" : "exclusion.timed_out",
            "account:" + wallet.id(),
            details);
    ctx.status(201).json(MoneyViews.ExclusionView.of(exclusion));
  }

  static MoneyViews.LimitsView view(MoneyServices money, long wallet) {
    return new MoneyViews.LimitsView(
        money.limits().limits(wallet).stream().map(MoneyViews.LimitView::of).toList(),
        money.limits().exclusion(wallet).map(MoneyViews.ExclusionView::of).orElse(null));
  }

  private static <E extends Enum<E>> E parse(Class<E> type, @Nullable String name, String code) {
    if (name != null && name.equals(name.toLowerCase(Locale.ROOT))) {
      for (E value : type.getEnumConstants()) {
        if (value.name().toLowerCase(Locale.ROOT).equals(name)) {
          return value;
        }
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (E value : type.getEnumConstants()) {
      allowed.append(allowed.isEmpty() ? "" : ", ").append(value.name().toLowerCase(Locale.ROOT));
    }
    throw new InvalidInputException(code, "must be one of " + allowed + " (was " + name + ")");
  }
}
