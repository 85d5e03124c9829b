package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.gateway.tls.TlsSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway serving HTTPS and WSS with the self-signed development certificate it makes at start,
 * reached by the JDK's HTTP client told to trust exactly that certificate.
 */
class TlsIT {
  private static GatewayFixture fixture;
  private static HttpClient trusting;

  @BeforeAll
  static void start() throws Exception {
    fixture =
        GatewayFixture.startWith(
            GatewayFixture.Setup.defaults()
                .withGateway(
                    s -> s.withTls(new TlsSettings.SelfSigned(List.of("localhost", "127.0.0.1")))));
    X509Certificate certificate = fixture.gateway.certificate();
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("gateway", certificate);
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, factory.getTrustManagers(), null);
    trusting = HttpClient.newBuilder().sslContext(tls).build();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void restAnswersOverHttpsWithStrictTransportSecurity() throws Exception {
    URI uri = fixture.uri("/api/streams");
    assertThat(uri.getScheme()).isEqualTo("https");
    HttpResponse<String> answer =
        trusting.send(
            HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("max-age="));
    assertThat(answer.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
  }

  @Test
  void aClientThatDoesNotTrustTheCertificateIsTurnedAwayByItsOwnCheck() {
    Assertions.assertThatThrownBy(
            () ->
                HttpClient.newHttpClient()
                    .send(
                        HttpRequest.newBuilder(fixture.uri("/api/streams")).GET().build(),
                        HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void theLiveSocketWorksOverWss() throws Exception {
    URI wss = URI.create("wss://127.0.0.1:" + fixture.gateway.port() + "/api/live?format=json");
    CompletableFuture<String> reply = new CompletableFuture<>();
    WebSocket socket =
        trusting
            .newWebSocketBuilder()
            .buildAsync(
                wss,
                new WebSocket.Listener() {
                  private final StringBuilder text = new StringBuilder();

                  @Override
                  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                      reply.complete(text.toString());
                    }
                    ws.request(1);
                    return null;
                  }
                })
            .get(10, TimeUnit.SECONDS);
    socket.sendText("not json", true).get(10, TimeUnit.SECONDS);
    assertThat(reply.get(10, TimeUnit.SECONDS)).contains("MALFORMED");
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
  }
}
