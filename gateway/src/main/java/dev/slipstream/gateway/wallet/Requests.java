package dev.slipstream.gateway.wallet;

import dev.slipstream.platform.InvalidInputException;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.UUID;

/** Reading the parts of money requests that are not the JSON body. */
final class Requests {
  static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private Requests() {}

  /**
   * Returns the request's idempotency key.
   *
   * @throws InvalidInputException {@code missing_idempotency_key} or {@code
   *     invalid_idempotency_key} (it must be a UUID)
   */
  static UUID idempotencyKey(Context ctx) {
    return idempotencyKey(ctx.header(IDEMPOTENCY_HEADER));
  }

  /** Parses {@code key} as {@link #idempotencyKey(Context)} does the header. */
  static UUID idempotencyKey(@org.jspecify.annotations.Nullable String key) {
    if (key == null || key.isBlank()) {
      throw new InvalidInputException(
          "missing_idempotency_key",
          "send an " + IDEMPOTENCY_HEADER + " header (a UUID) so a retry cannot pay twice");
    }
    try {
      return UUID.fromString(key.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "invalid_idempotency_key", IDEMPOTENCY_HEADER + " must be a UUID (was " + key + ")");
    }
  }

  /**
   * Returns {@code ?limit=} or {@code fallback}.
   *
   * @throws InvalidInputException {@code invalid_limit} unless it is 1 to {@code max}
   */
  static int limit(Context ctx, int fallback, int max) {
    String raw = ctx.queryParam("limit");
    if (raw == null) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(raw);
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // the refusal below
    }
    throw new InvalidInputException(
        "invalid_limit", "limit must be a whole number 1 to " + max + " (was " + raw + ")");
  }

  /** Returns {@code ?cursor=}, if given. */
  static Optional<String> cursor(Context ctx) {
    return Optional.ofNullable(ctx.queryParam("cursor")).filter(c -> !c.isEmpty());
  }

  /**
   * Returns the path's {@code {id}} as a number.
   *
   * @throws dev.slipstream.platform.NotFoundException {@code notFoundCode} when it is not one
   */
  static long id(Context ctx, String notFoundCode) {
    String raw = ctx.pathParam("id");
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // the refusal below
    }
    throw new dev.slipstream.platform.NotFoundException(notFoundCode, "nothing has the id " + raw);
  }

  /**
   * Returns a required amount in minor units.
   *
   * @throws InvalidInputException {@code invalid_amount} when missing or not positive
   */
  static long amount(Long amountMinor) {
    if (amountMinor == null || amountMinor <= 0) {
      throw new InvalidInputException(
          "invalid_amount",
          "amountMinor must be a positive whole number of minor units (was " + amountMinor + ")");
    }
    return amountMinor;
  }
}
