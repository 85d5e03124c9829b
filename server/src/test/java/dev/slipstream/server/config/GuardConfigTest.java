package dev.slipstream.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.gateway.guard.RateLimit;
import dev.slipstream.gateway.tls.TlsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardConfigTest {
  @TempDir Path dir;

  private SlipstreamConfig load(List<String> flags, Map<String, String> env) {
    return SlipstreamConfig.load(flags, env, dir, Path.of("/opt/slipstream"));
  }

  @Test
  void byDefaultRestIsRateLimitedInProcessOverPlainHttp() {
    GuardConfig guard = load(List.of(), Map.of()).guard();

    assertThat(guard.guard().perAddress()).isEqualTo(new RateLimit(100, 200));
    assertThat(guard.guard().perAccount()).isEqualTo(new RateLimit(50, 100));
    assertThat(guard.guard().redis()).isNull();
    assertThat(guard.guard().idleTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(guard.tls()).isInstanceOf(TlsSettings.Off.class);
  }

  @Test
  void zeroTurnsARateLimitOffAndRedisBucketsUseTheRedisUrl() {
    GuardConfig guard =
        load(
                List.of(
                    "--http-rate-address-per-second=0",
                    "--http-rate-store=redis",
                    "--redis-url=redis://127.0.0.1:6379"),
                Map.of())
            .guard();

    assertThat(guard.guard().perAddress()).isNull();
    assertThat(guard.guard().redis().uri()).isEqualTo("redis://127.0.0.1:6379");
  }

  @Test
  void redisBucketsWithoutARedisUrlAreRefusedNamingTheSetting() {
    assertThatThrownBy(() -> load(List.of("--http-rate-store=redis"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--http-rate-store=redis")
        .hasMessageContaining("redis.url");
  }

  @Test
  void selfSignedTlsNeedsNoFilesButPemNamesTheMissingCertificate() {
    assertThat(load(List.of("--tls=self-signed"), Map.of()).guard().tls())
        .isInstanceOf(TlsSettings.SelfSigned.class);
    assertThatThrownBy(() -> load(List.of("--tls=pem"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("tls.certificate")
        .hasMessageContaining("must name a file");
    assertThatThrownBy(() -> load(List.of("--tls=sometimes"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("off, self-signed, pem or pkcs12");
  }

  @Test
  void theKeystorePasswordIsNeverShown() {
    SlipstreamConfig config = load(List.of("--tls-password=hunter2"), Map.of());
    assertThat(config.values().get(Settings.TLS_PASSWORD).label()).doesNotContain("hunter2");
  }
}
