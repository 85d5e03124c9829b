package dev.slipstream.gateway.access;

import dev.slipstream.gateway.auth.Role;
import io.javalin.security.RouteRole;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may call a route: every route is registered with exactly one {@code Access}, and {@link
 * AccessGuard} refuses any matched route that has none, so a new route cannot forget to say.
 */
public sealed interface Access extends RouteRole {
  /** Open to everyone; credentials are not even looked at. */
  record Anyone() implements Access {}

  /** Any signed-in user. */
  record SignedIn() implements Access {}

  /**
   * A signed-in user holding one of {@code roles} (an admin passes every role check).
   *
   * @param roles the roles any one of which is enough
   */
  record AnyRole(Set<Role> roles) implements Access {
    /** Copies the roles. */
    public AnyRole {
      roles = Set.copyOf(EnumSet.copyOf(roles));
    }
  }

  /**
   * The stream named by the path's {@code {id}}: its owner if they are a broadcaster, or any
   * operator.
   */
  record StreamManager() implements Access {}

  /** The stream's publish key as the bearer token; the handler checks it (WHIP). */
  record PublishKey() implements Access {}

  /**
   * Open unless the stream needs a play token, which then comes as the bearer token; the handler
   * checks it (WHEP).
   */
  record PlayToken() implements Access {}

  /** Open to everyone. */
  Access ANYONE = new Anyone();

  /** Any signed-in user. */
  Access SIGNED_IN = new SignedIn();

  /** Operators (and admins). */
  Access OPERATOR = anyOf(Role.OPERATOR);

  /** Admins. */
  Access ADMIN = anyOf(Role.ADMIN);

  /** The stream's broadcaster-owner, or an operator. */
  Access STREAM_MANAGER = new StreamManager();

  /** The stream's publish key. */
  Access PUBLISH_KEY = new PublishKey();

  /** A play token when the stream needs one. */
  Access PLAY_TOKEN = new PlayToken();

  /** A user holding any of {@code roles}. */
  static Access anyOf(Role first, Role... more) {
    return new AnyRole(EnumSet.of(first, more));
  }
}
