package dev.slipstream.gateway.live;

import dev.slipstream.gateway.Gateway;
import dev.slipstream.gateway.GatewayServices;
import dev.slipstream.gateway.GatewaySettings;
import dev.slipstream.gateway.SystemInfo;
import dev.slipstream.gateway.auth.AuthServices;
import dev.slipstream.gateway.auth.AuthSettings;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.platform.Health;
import dev.slipstream.platform.bus.BusLimits;
import dev.slipstream.platform.bus.EventBus;
import dev.slipstream.platform.bus.SharedState;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.TestDatabase;
import dev.slipstream.platform.state.SettableClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A real gateway on a free port serving the live socket over an in-process bus, with accounts on
 * the shared embedded PostgreSQL and a clock the test moves. Streams whose id starts with {@code
 * s-} exist; bets go wherever the test says.
 */
final class LiveFixture implements AutoCloseable {
  static final String PASSWORD = "Tartan-Hurdles-42";

  final Database db = TestDatabase.embedded();
  final SettableClock clock = new SettableClock(Instant.now());
  final SharedState shared = SharedState.inProcess(clock, BusLimits.defaults());
  final EventBus bus = shared.bus();
  final HttpClient http = HttpClient.newHttpClient();
  final AuthServices auth;
  final Gateway gateway;

  LiveFixture(LiveSettings settings, @Nullable BetPlacement bets, @Nullable Ledger ledger)
      throws SQLException {
    db.migrate(List.of(StreamDirectory.MIGRATION, AuthServices.MIGRATION));
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "TRUNCATE gateway.users, gateway.login_failures, gateway.sessions,"
              + " gateway.refresh_tokens, gateway.signing_keys, gateway.stream_access CASCADE");
    }
    auth = AuthServices.start(db.dataSource(), AuthSettings.defaults(), clock, new SecureRandom());
    var services =
        new GatewayServices(
                StreamDirectory.postgres(db.dataSource(), Clock.systemUTC(), new SecureRandom()),
                null,
                Map.of("bus", () -> Health.up("in-process")),
                new SystemInfo("test", Instant.now(), List.of("gateway"), "test", "in-process"),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                clock,
                auth,
                new SecureRandom())
            .withLive(new LiveServices(bus, id -> id.startsWith("s-"), bets, ledger, settings));
    gateway =
        Gateway.start(
            new GatewaySettings("127.0.0.1", 0, 16 * 1024, List.of("https://app.example")),
            services);
  }

  /** Registers {@code email} and returns a fresh access token. */
  String signIn(String email) {
    auth.accounts().register(email, PASSWORD, "Runner");
    return auth.accounts().login(email, PASSWORD).accessToken();
  }

  String userId(String token) {
    return auth.accounts().authenticate(token).userId();
  }

  URI live(String query) {
    return URI.create(
        "ws://127.0.0.1:"
            + gateway.port()
            + LiveRoutes.PATH
            + (query.isEmpty() ? "" : "?" + query));
  }

  LiveClient anonymous() {
    return LiveClient.open(http, live(""), Map.of(), false);
  }

  LiveClient signedIn(String token) {
    return LiveClient.open(http, live(""), Map.of("Authorization", "Bearer " + token), false);
  }

  @Override
  public void close() {
    gateway.close();
    shared.close();
  }
}
