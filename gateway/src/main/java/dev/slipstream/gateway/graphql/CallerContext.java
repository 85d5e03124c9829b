package dev.slipstream.gateway.graphql;

import dev.slipstream.gateway.auth.AccessDeniedException;
import dev.slipstream.gateway.auth.Caller;
import dev.slipstream.gateway.auth.Role;
import dev.slipstream.platform.NotFoundException;
import dev.slipstream.platform.UnauthorizedException;
import graphql.schema.DataFetchingEnvironment;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Who runs a GraphQL operation and from where, as the request's GraphQL context holds them, and the
 * same access rules REST routes declare: a field for bettors refuses an anonymous caller with
 * {@code authentication_required} and a signed-in one without the role with {@code forbidden}.
 */
final class CallerContext {
  private static final String CALLER = "slipstream.caller";
  private static final String ORIGIN = "slipstream.origin";

  /**
   * Where a request came from, for the fraud rules' sightings.
   *
   * @param address the caller's network address
   * @param device the client's device id ({@code X-Device-Id}), or null
   */
  record Origin(String address, @Nullable String device) {
    /** An origin nothing is known of. */
    static final Origin UNKNOWN = new Origin("unknown", null);
  }

  private CallerContext() {}

  /** The context of an operation run by {@code caller} (null: anonymous) from {@code origin}. */
  static Map<Object, Object> of(@Nullable Caller caller, Origin origin) {
    Map<Object, Object> context = new HashMap<>();
    if (caller != null) {
      context.put(CALLER, caller);
    }
    context.put(ORIGIN, origin);
    return context;
  }

  /** The caller, or null when anonymous. */
  static @Nullable Caller callerIfAny(DataFetchingEnvironment env) {
    return env.getGraphQlContext().get(CALLER);
  }

  /** The signed-in caller, whatever their roles. */
  static Caller signedIn(DataFetchingEnvironment env) {
    Caller caller = callerIfAny(env);
    if (caller == null) {
      throw new UnauthorizedException(
          "authentication_required", "sign in: send the access token as Authorization: Bearer");
    }
    return caller;
  }

  /** The signed-in caller, who must act as a bettor (as {@code /api/bets} and the wallet need). */
  static Caller bettor(DataFetchingEnvironment env) {
    Caller caller = signedIn(env);
    if (!caller.actsAs(Role.BETTOR)) {
      throw new AccessDeniedException("forbidden", "this needs the role bettor");
    }
    return caller;
  }

  /** Where the operation came from. */
  static Origin origin(DataFetchingEnvironment env) {
    Origin origin = env.getGraphQlContext().get(ORIGIN);
    return origin == null ? Origin.UNKNOWN : origin;
  }

  /** Returns {@code service}, or refuses with {@code not_served} when this server has none. */
  static <T> T served(@Nullable T service, String what) {
    if (service == null) {
      throw new NotFoundException("not_served", "this server serves no " + what);
    }
    return service;
  }
}
