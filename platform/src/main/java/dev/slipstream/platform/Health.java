package dev.slipstream.platform;

import java.util.Objects;

/**
 * The result of checking one dependency a role needs (the database, the bus), as shown by {@code
 * /healthz}.
 *
 * @param up whether the dependency answered correctly just now
 * @param detail one human sentence: what was checked and what it said, or why it failed
 */
public record Health(boolean up, String detail) {

  /** Validates that the detail is present. */
  public Health {
    Objects.requireNonNull(detail, "detail");
  }

  /** Returns a healthy result with the given detail. */
  public static Health up(String detail) {
    return new Health(true, detail);
  }

  /** Returns an unhealthy result with the given reason. */
  public static Health down(String reason) {
    return new Health(false, reason);
  }
}
