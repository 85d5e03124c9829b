package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The security headers on the web app's pages and on API answers, over plain HTTP. */
class SecurityHeadersIT {
  private static GatewayFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void theWebAppPageCarriesAContentSecurityPolicyThatKeepsScriptsToThisOriginAndForbidsFraming() {
    // This module is built without the web app, so the page answer is "web app missing"; the
    // server's browser tests load the real one under the same headers.
    HttpResponse<String> page = fixture.get("/operator");
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy)
        .contains("script-src 'self'")
        .contains("media-src 'self' blob: mediastream:")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
  }

  @Test
  void plainHttpSendsNoStrictTransportSecurity() {
    HttpResponse<String> answer = fixture.get("/api/streams");
    assertThat(answer.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(answer.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }
}
