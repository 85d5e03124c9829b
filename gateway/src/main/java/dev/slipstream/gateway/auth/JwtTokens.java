package dev.slipstream.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.slipstream.platform.UnauthorizedException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * Signs and checks the two kinds of JWT the gateway issues, both HS256 with a {@code kid}: access
 * tokens ({@code aud} {@value AuthSettings#API_AUDIENCE}: {@code sub}, {@code sid}, {@code roles})
 * and play tokens ({@code aud} {@value AuthSettings#PLAY_AUDIENCE}: {@code sub}, {@code stream}).
 * Checking insists on HS256 exactly (so {@code alg: none} and algorithm swaps fail), a known {@code
 * kid}, a valid signature, this server's {@code iss}, the expected {@code aud}, and an {@code exp}
 * still ahead on the injected clock.
 */
final class JwtTokens {
  /** What a verified play token grants. */
  record PlayGrant(String userId, String streamId, Instant expiresAt) {}

  /** A freshly signed token and when it stops working. */
  record Signed(String token, Instant expiresAt) {}

  private static final Duration MAX_ISSUED_AHEAD = Duration.ofMinutes(1);

  /** Access tokens remembered as verified at most; past it the memory starts again. */
  private static final int MAX_VERIFIED = 100_000;

  /** An access token already checked: who it proves, until when, under which key. */
  private record Verified(Caller caller, Instant expiresAt, String kid) {}

  // Every signed-in request and every live socket's once-a-second check presents the same token
  // again; its signature and claims were checked the first time, so only expiry and the key are.
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  private final SigningKeys keys;
  private final String issuer;
  private final InstantSource clock;
  private final RandomGenerator random;

  JwtTokens(SigningKeys keys, String issuer, InstantSource clock, RandomGenerator random) {
    this.keys = keys;
    this.issuer = issuer;
    this.clock = clock;
    this.random = random;
  }

  Signed issueAccess(String userId, String sessionId, Set<Role> roles, Duration ttl) {
    return sign(
        base(userId, AuthSettings.API_AUDIENCE, ttl)
            .claim("sid", sessionId)
            .claim("roles", roles.stream().sorted().map(Role::wireName).toList()),
        ttl);
  }

  Signed issuePlay(String userId, String streamId, Duration ttl) {
    return sign(base(userId, AuthSettings.PLAY_AUDIENCE, ttl).claim("stream", streamId), ttl);
  }

  /**
   * Checks an access token.
   *
   * @throws UnauthorizedException {@code invalid_token} or {@code token_expired}
   */
  Caller verifyAccess(String token) {
    Verified known = verified.get(token);
    if (known != null) {
      // Checked before: the signature and claims cannot have changed, only time and the keys.
      if (!clock.instant().isBefore(known.expiresAt())) {
        verified.remove(token);
        throw new UnauthorizedException(
            "token_expired", "the token expired at " + known.expiresAt());
      }
      if (keys.find(known.kid()).isPresent()) {
        return known.caller();
      }
      verified.remove(token);
    }
    Checked checked = verify(token, AuthSettings.API_AUDIENCE, "invalid_token", "token_expired");
    JWTClaimsSet claims = checked.claims();
    Caller caller;
    try {
      String sessionId = claims.getStringClaim("sid");
      List<String> names = claims.getStringListClaim("roles");
      if (sessionId == null || names == null) {
        throw invalid("invalid_token", "the token lacks its session or roles");
      }
      Set<Role> roles = EnumSet.noneOf(Role.class);
      for (String name : names) {
        roles.add(
            Role.parse(name)
                .orElseThrow(() -> invalid("invalid_token", "the token names an unknown role")));
      }
      caller = new Caller(claims.getSubject(), sessionId, roles);
    } catch (ParseException e) {
      throw invalid("invalid_token", "the token's claims have the wrong types");
    }
    if (verified.size() >= MAX_VERIFIED) {
      verified.clear();
    }
    verified.put(
        token, new Verified(caller, claims.getExpirationTime().toInstant(), checked.kid()));
    return caller;
  }

  /**
   * Checks a play token (for any stream; the caller compares the stream).
   *
   * @throws UnauthorizedException {@code invalid_play_token} or {@code play_token_expired}
   */
  PlayGrant verifyPlay(String token) {
    JWTClaimsSet claims =
        verify(token, AuthSettings.PLAY_AUDIENCE, "invalid_play_token", "play_token_expired")
            .claims();
    try {
      String stream = claims.getStringClaim("stream");
      if (stream == null) {
        throw invalid("invalid_play_token", "the play token names no stream");
      }
      return new PlayGrant(claims.getSubject(), stream, claims.getExpirationTime().toInstant());
    } catch (ParseException e) {
      throw invalid("invalid_play_token", "the play token's claims have the wrong types");
    }
  }

  private JWTClaimsSet.Builder base(String subject, String audience, Duration ttl) {
    Instant now = clock.instant();
    byte[] jti = new byte[16];
    random.nextBytes(jti);
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(audience)
        .subject(subject)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(ttl)))
        .jwtID(HexFormat.of().formatHex(jti));
  }

  private Signed sign(JWTClaimsSet.Builder claims, Duration ttl) {
    SigningKeys.SigningKey key = keys.current();
    JWTClaimsSet set = claims.build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.kid())
                .build(),
            set);
    try {
      jwt.sign(new MACSigner(key.secret()));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
    }
    return new Signed(jwt.serialize(), set.getExpirationTime().toInstant());
  }

  /** A token's checked claims and the id of the key that signed it. */
  private record Checked(JWTClaimsSet claims, String kid) {}

  private Checked verify(String token, String audience, String invalidCode, String expired) {
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException | RuntimeException e) {
      throw invalid(invalidCode, "the token is not a signed JWT");
    }
    if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
      throw invalid(invalidCode, "the token is not signed with HS256");
    }
    SigningKeys.SigningKey key =
        keys.find(jwt.getHeader().getKeyID())
            .orElseThrow(() -> invalid(invalidCode, "the token's key id is not one of ours"));
    try {
      if (!jwt.verify(new MACVerifier(key.secret()))) {
        throw invalid(invalidCode, "the token's signature does not match");
      }
    } catch (JOSEException e) {
      throw invalid(invalidCode, "the token's signature cannot be checked");
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw invalid(invalidCode, "the token's claims are not JSON");
    }
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    Date iat = claims.getIssueTime();
    if (!issuer.equals(claims.getIssuer())) {
      throw invalid(invalidCode, "the token was issued by someone else");
    }
    if (claims.getAudience() == null || !claims.getAudience().equals(List.of(audience))) {
      throw invalid(invalidCode, "the token is meant for another audience");
    }
    if (claims.getSubject() == null || claims.getJWTID() == null || exp == null || iat == null) {
      throw invalid(invalidCode, "the token lacks sub, jti, exp or iat");
    }
    if (iat.toInstant().isAfter(now.plus(MAX_ISSUED_AHEAD))) {
      throw invalid(invalidCode, "the token claims to be issued in the future");
    }
    if (!now.isBefore(exp.toInstant())) {
      throw new UnauthorizedException(expired, "the token expired at " + exp.toInstant());
    }
    return new Checked(claims, key.kid());
  }

  private static UnauthorizedException invalid(String code, String message) {
    return new UnauthorizedException(code, message);
  }
}
