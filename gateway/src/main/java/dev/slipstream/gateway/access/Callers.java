package dev.slipstream.gateway.access;

import dev.slipstream.gateway.auth.Caller;
import io.javalin.http.Context;
import java.util.Optional;

/** The signed-in caller of a request, as {@link AccessGuard} found it. */
public final class Callers {
  static final String ATTRIBUTE = "slipstream.caller";

  private Callers() {}

  /**
   * Returns the caller of a route whose access needs one.
   *
   * @throws IllegalStateException on a route open to anyone, where no caller is looked for
   */
  public static Caller of(Context ctx) {
    Caller caller = ctx.attribute(ATTRIBUTE);
    if (caller == null) {
      throw new IllegalStateException(ctx.path() + " asked for a caller on a route that has none");
    }
    return caller;
  }

  /** Returns the caller, if the route's access made the guard look for one. */
  public static Optional<Caller> find(Context ctx) {
    return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
  }
}
