package dev.slipstream.gateway.auth;

import java.time.Instant;

/**
 * The tokens a sign-in or refresh hands out.
 *
 * @param account who signed in
 * @param accessToken the JWT to send as {@code Authorization: Bearer …}
 * @param accessExpiresAt when the access token stops working
 * @param refreshToken the opaque token that gets the next pair, once
 * @param refreshExpiresAt when the refresh token stops working if unused
 */
public record SignedIn(
    Account account,
    String accessToken,
    Instant accessExpiresAt,
    String refreshToken,
    Instant refreshExpiresAt) {}
