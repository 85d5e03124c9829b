package dev.slipstream.gateway.live;

import dev.slipstream.gateway.auth.Caller;
import org.jspecify.annotations.Nullable;

/**
 * Who opened a socket: a signed-in caller with the access token they presented (checked again
 * before each bet and account subscription, so expiry and sign-out take effect on a live socket),
 * or nobody.
 *
 * @param caller the caller, or null for an anonymous socket
 * @param token the access token presented, or null for an anonymous socket
 */
record SocketCaller(@Nullable Caller caller, @Nullable String token) {
  static final SocketCaller ANONYMOUS = new SocketCaller(null, null);
}
