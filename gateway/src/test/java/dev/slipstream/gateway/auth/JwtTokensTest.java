package dev.slipstream.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.slipstream.platform.UnauthorizedException;
import dev.slipstream.platform.state.SettableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JwtTokensTest {
  private static final String OLD = "an-older-secret-that-is-32-bytes-long!!";
  private static final String NEW = "the-current-secret-that-is-32-bytes-long";
  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-24T10:00:00Z"));
  private final JwtTokens tokens = tokens(List.of(NEW, OLD));

  private JwtTokens tokens(List<String> secrets) {
    return new JwtTokens(
        SigningKeys.configured(secrets), "slipstream", clock, new SplittableRandom(11));
  }

  @Test
  void anAccessTokenRoundTripsWithItsClaims() throws Exception {
    String token =
        tokens
            .issueAccess("usr_a", "ses_b", Set.of(Role.VIEWER, Role.BETTOR), Duration.ofMinutes(15))
            .token();

    Caller caller = tokens.verifyAccess(token);
    assertThat(caller).isEqualTo(new Caller("usr_a", "ses_b", Set.of(Role.VIEWER, Role.BETTOR)));
    SignedJWT jwt = SignedJWT.parse(token);
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
    assertThat(jwt.getHeader().getKeyID()).startsWith("c-");
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("slipstream");
    assertThat(claims.getAudience()).containsExactly(AuthSettings.API_AUDIENCE);
    assertThat(claims.getJWTID()).hasSize(32);
    assertThat(claims.getExpirationTime().toInstant()).isEqualTo(clock.instant().plusSeconds(900));
    assertThat(claims.getStringListClaim("roles")).containsExactly("viewer", "bettor");
  }

  @Test
  void anExpiredTokenIsRefusedAsExpired() {
    String token = tokens.issueAccess("usr_a", "ses_b", Set.of(), Duration.ofMinutes(15)).token();
    clock.advance(Duration.ofMinutes(15));
    refused(token, "token_expired");
  }

  @Test
  void aTokenCheckedBeforeStillExpiresOnTimeAndTamperingWithItIsStillSeen() throws Exception {
    String token = tokens.issueAccess("usr_a", "ses_b", Set.of(), Duration.ofMinutes(15)).token();
    assertThat(tokens.verifyAccess(token).userId()).isEqualTo("usr_a");
    assertThat(tokens.verifyAccess(token).userId()).as("remembered").isEqualTo("usr_a");
    // another token differing in one signature character is a different, unchecked token
    char last = token.charAt(token.length() - 2);
    refused(
        token.substring(0, token.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + token.charAt(token.length() - 1),
        "invalid_token");

    clock.advance(Duration.ofMinutes(15));
    refused(token, "token_expired");
  }

  @Test
  void tamperedTokensAreRefused() throws Exception {
    String token =
        tokens.issueAccess("usr_a", "ses_b", Set.of(Role.VIEWER), Duration.ofMinutes(15)).token();
    String[] parts = token.split("\\.");
    String adminClaims =
        b64(
            new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"viewer\"", "\"admin\""));

    refused(parts[0] + "." + adminClaims + "." + parts[2], "invalid_token");
    refused(parts[0] + "." + parts[1] + "." + parts[2].substring(1) + "A", "invalid_token");
    refused(b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".", "invalid_token");
    refused(b64("{\"alg\":\"none\"}") + "." + adminClaims + ".", "invalid_token");
    refused("not.a.jwt", "invalid_token");
    refused("", "invalid_token");
    refused(
        signed(JWSAlgorithm.HS512, "c-unknown", claims("slipstream", AuthSettings.API_AUDIENCE)),
        "invalid_token");
  }

  @Test
  void aTokenFromAnotherKeyIssuerOrAudienceIsRefused() throws Exception {
    String kid =
        SignedJWT.parse(tokens.issueAccess("u", "s", Set.of(), Duration.ofMinutes(1)).token())
            .getHeader()
            .getKeyID();
    refused(
        signedWith(
            "another-secret-of-at-least-32-bytes!!",
            kid,
            claims("slipstream", AuthSettings.API_AUDIENCE)),
        "invalid_token");
    refused(
        signedWith(NEW, "c-0000000000000000", claims("slipstream", AuthSettings.API_AUDIENCE)),
        "invalid_token");
    refused(
        signedWith(NEW, kid, claims("someone-else", AuthSettings.API_AUDIENCE)), "invalid_token");
    refused(signedWith(NEW, kid, claims("slipstream", "another-api")), "invalid_token");
    String play = tokens.issuePlay("usr_a", "str_x", Duration.ofMinutes(5)).token();
    refused(play, "invalid_token");
    assertThatThrownBy(
            () ->
                tokens.verifyPlay(
                    tokens.issueAccess("u", "s", Set.of(), Duration.ofMinutes(1)).token()))
        .isInstanceOfSatisfying(
            UnauthorizedException.class, e -> assertThat(e.code()).isEqualTo("invalid_play_token"));
  }

  @Test
  void rotationKeepsOlderKeysVerifyingUntilTheyAreDropped() {
    JwtTokens before = tokens(List.of(OLD));
    String issuedBefore =
        before.issueAccess("usr_a", "ses_b", Set.of(), Duration.ofMinutes(15)).token();

    assertThat(tokens.verifyAccess(issuedBefore).userId()).isEqualTo("usr_a");
    assertThatThrownBy(() -> tokens(List.of(NEW)).verifyAccess(issuedBefore))
        .isInstanceOf(UnauthorizedException.class);
  }

  @Test
  void aPlayTokenNamesItsStreamAndExpires() {
    String play = tokens.issuePlay("usr_a", "str_x", Duration.ofMinutes(5)).token();
    assertThat(tokens.verifyPlay(play).streamId()).isEqualTo("str_x");
    clock.advance(Duration.ofMinutes(5));
    assertThatThrownBy(() -> tokens.verifyPlay(play))
        .isInstanceOfSatisfying(
            UnauthorizedException.class, e -> assertThat(e.code()).isEqualTo("play_token_expired"));
  }

  private JWTClaimsSet claims(String issuer, String audience) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(audience)
        .subject("usr_a")
        .jwtID("j")
        .issueTime(Date.from(clock.instant()))
        .expirationTime(Date.from(clock.instant().plusSeconds(60)))
        .claim("sid", "ses_b")
        .claim("roles", List.of("admin"))
        .build();
  }

  private static String signedWith(String secret, String kid, JWTClaimsSet claims)
      throws Exception {
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims);
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  private static String signed(JWSAlgorithm alg, String kid, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims);
    jwt.sign(
        new MACSigner(
            "a-secret-long-enough-for-hs512-which-wants-sixty-four-bytes-of-key!!"
                .getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  private void refused(String token, String code) {
    assertThatThrownBy(() -> tokens.verifyAccess(token))
        .as(token)
        .isInstanceOfSatisfying(
            UnauthorizedException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  private static String b64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
