package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipstream.gateway.auth.AuthServices;
import dev.slipstream.gateway.auth.AuthSettings;
import dev.slipstream.gateway.http.Problem;
import dev.slipstream.gateway.live.LiveServices;
import dev.slipstream.gateway.live.LiveSettings;
import dev.slipstream.gateway.privacy.PiiCipher;
import dev.slipstream.gateway.privacy.PiiKeys;
import dev.slipstream.gateway.wallet.MoneyServices;
import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.LedgerSettings;
import dev.slipstream.ledger.audit.AuditLog;
import dev.slipstream.ledger.fraud.FraudRules;
import dev.slipstream.ledger.fraud.FraudSignals;
import dev.slipstream.ledger.limits.PlayerLimits;
import dev.slipstream.ledger.payments.Payments;
import dev.slipstream.ledger.payments.PaymentsSettings;
import dev.slipstream.ledger.payments.SandboxPaymentProvider;
import dev.slipstream.ledger.payments.SandboxSettings;
import dev.slipstream.markets.sequencer.BetSequencer;
import dev.slipstream.markets.service.EvidenceFrames;
import dev.slipstream.markets.service.MarketService;
import dev.slipstream.markets.service.SettledBet;
import dev.slipstream.media.sfu.MediaServer;
import dev.slipstream.media.sfu.MediaSettings;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.platform.Health;
import dev.slipstream.platform.bus.BusLimits;
import dev.slipstream.platform.bus.SharedState;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.TestDatabase;
import dev.slipstream.platform.state.SettableClock;
import dev.slipstream.vision.view.StreamViews;
import dev.slipstream.wire.v1.MarketUpdate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A real gateway on a free port over the shared embedded PostgreSQL, with accounts (the admin email
 * {@value #ADMIN_EMAIL}), a media plane on loopback, money (a fresh ledger schema, payments through
 * the sandbox provider delivering its webhooks over HTTP to the gateway, limits, fraud signals and
 * the audit log), markets and bets (one bet shard over the same ledger, its house account, and the
 * market service; updates and bettors' settlements collected), and a clock the test moves for token
 * lifetimes and the sandbox's delays. Helpers speak HTTP the way a client would.
 */
final class GatewayFixture implements AutoCloseable {
  static final String ADMIN_EMAIL = "admin@example.com";
  static final String PASSWORD = "Tartan-Hurdles-42";

  final Database db = TestDatabase.embedded();
  final SettableClock clock = new SettableClock(Instant.now());
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();
  final AtomicReference<Health> bus = new AtomicReference<>(Health.up("in-process"));
  final StreamDirectory streams;
  final MediaServer media;
  final AuthServices auth;
  final Ledger ledger;
  final SandboxPaymentProvider sandbox;
  final Payments payments;
  final MoneyServices money;
  final StreamViews views;
  final Account house;
  final BetSequencer shard;
  final MarketService markets;
  final List<MarketUpdate> marketUpdates = new java.util.concurrent.CopyOnWriteArrayList<>();
  final List<SettledBet> settledBets = new java.util.concurrent.CopyOnWriteArrayList<>();
  final AtomicReference<EvidenceFrames> evidenceFrames = new AtomicReference<>(EvidenceFrames.NONE);
  final TestScheduler scheduler = new TestScheduler();
  final List<Delivery> deliveries = new java.util.concurrent.CopyOnWriteArrayList<>();
  final Gateway gateway;
  final SharedState shared = SharedState.inProcess(clock, BusLimits.defaults());

  /** One webhook the sandbox delivered over HTTP, and the answer's status. */
  record Delivery(byte[] body, Map<String, String> headers, int status) {}

  static final String WEBHOOK_SECRET = "whsec_gateway_test_0123456789abcdef0123";
  static final long REVIEW_THRESHOLD = 50_000;
  private String adminToken;

  /**
   * How to start the fixture.
   *
   * @param auth changes to the default auth settings
   * @param corsOrigins origins allowed to call with cookies
   * @param freshLedger whether to drop the ledger and markets schemas first; false keeps what the
   *     caller already made in them (its own accounts, such as a house account opened before)
   * @param gateway changes to the gateway's settings (rate limits, TLS)
   */
  record Setup(
      UnaryOperator<AuthSettings> auth,
      List<String> corsOrigins,
      boolean freshLedger,
      UnaryOperator<GatewaySettings> gateway) {
    Setup(UnaryOperator<AuthSettings> auth, List<String> corsOrigins, boolean freshLedger) {
      this(auth, corsOrigins, freshLedger, UnaryOperator.identity());
    }

    /** Returns this setup with the gateway's settings changed by {@code change}. */
    Setup withGateway(UnaryOperator<GatewaySettings> change) {
      return new Setup(auth, corsOrigins, freshLedger, change);
    }

    static Setup defaults() {
      return new Setup(UnaryOperator.identity(), List.of(), true);
    }

    Setup keepingLedger() {
      return new Setup(auth, corsOrigins, false, gateway);
    }
  }

  private GatewayFixture(Setup setup) throws SQLException {
    UnaryOperator<AuthSettings> settings = setup.auth();
    List<String> corsOrigins = setup.corsOrigins();
    db.migrate(List.of(StreamDirectory.MIGRATION, AuthServices.MIGRATION, StreamViews.MIGRATION));
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("TRUNCATE media.streams");
      s.execute("TRUNCATE vision.stream_views CASCADE");
      s.execute(
          "TRUNCATE gateway.users, gateway.login_failures, gateway.sessions,"
              + " gateway.refresh_tokens, gateway.signing_keys, gateway.stream_access CASCADE");
    }
    streams = StreamDirectory.postgres(db.dataSource(), Clock.systemUTC(), new SecureRandom());
    views = StreamViews.postgres(db.dataSource(), clock);
    media =
        MediaServer.start(
            new MediaSettings(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                List.of(InetAddress.getLoopbackAddress()),
                Duration.ofSeconds(1)),
            streams,
            Clock.systemUTC(),
            new SecureRandom(),
            new SimpleMeterRegistry());
    if (setup.freshLedger()) {
      try (Connection c = db.dataSource().getConnection();
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS ledger CASCADE");
        s.execute("DROP SCHEMA IF EXISTS markets CASCADE");
      }
    }
    db.migrate(List.of(Ledger.MIGRATION, BetSequencer.MIGRATION));
    PiiCipher cipher = new PiiCipher(PiiKeys.demo(), new SecureRandom());
    auth =
        AuthServices.start(
            db.dataSource(),
            settings.apply(AuthSettings.defaults().withAdminEmail(Optional.of(ADMIN_EMAIL))),
            clock,
            new SecureRandom(),
            cipher);
    ledger =
        Ledger.postgres(db.dataSource(), clock, LedgerSettings.defaults().withoutSweeper(), null);
    AtomicReference<URI> webhook = new AtomicReference<>();
    sandbox =
        SandboxPaymentProvider.create(
            SandboxSettings.defaults(WEBHOOK_SECRET),
            (body, headers) -> {
              HttpRequest.Builder request =
                  HttpRequest.newBuilder(webhook.get())
                      .POST(HttpRequest.BodyPublishers.ofByteArray(body));
              headers.forEach(request::header);
              int status = send(request).statusCode();
              deliveries.add(new Delivery(body, headers, status));
              return status / 100 == 2;
            },
            clock,
            scheduler,
            new java.util.SplittableRandom(11));
    payments =
        Payments.postgres(
            db.dataSource(),
            ledger,
            sandbox,
            clock,
            PaymentsSettings.defaults(WEBHOOK_SECRET, REVIEW_THRESHOLD));
    money =
        new MoneyServices(
            ledger,
            payments,
            PlayerLimits.postgres(db.dataSource(), clock),
            FraudSignals.postgres(
                db.dataSource(), clock, new FraudRules(3, 60, 3, 5, Duration.ofDays(30))),
            AuditLog.postgres(db.dataSource(), clock),
            cipher,
            "EUR",
            "sandbox");
    house = ledger.openAccount(AccountKind.HOUSE, "house", "EUR");
    shard =
        BetSequencer.start(
            "rest", db.dataSource(), ledger, house.id(), money.limits(), clock, System::nanoTime);
    markets =
        MarketService.start(
            db.dataSource(),
            shard,
            ledger,
            house.id(),
            "EUR",
            clock,
            (stream, mediaTimeUs, count) -> evidenceFrames.get().around(stream, mediaTimeUs, count),
            marketUpdates::add);
    markets.onSettled(settledBets::add);
    var services =
        new GatewayServices(
            streams,
            media,
            Map.of("database", db::health, "bus", bus::get),
            new SystemInfo(
                "test", Instant.now(), List.of("gateway"), db.description(), "in-process"),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            clock,
            auth,
            new SecureRandom(),
            null,
            money,
            views,
            markets);
    gateway =
        Gateway.start(
            setup.gateway().apply(new GatewaySettings("127.0.0.1", 0, 16 * 1024, corsOrigins)),
            services.withLive(
                new LiveServices(
                    shared.bus(),
                    id -> streams.find(id).isPresent(),
                    null,
                    ledger,
                    LiveSettings.defaults())));
    webhook.set(gateway.baseUri().resolve("/api/payments/webhooks/sandbox"));
  }

  static GatewayFixture start() throws SQLException {
    return startWith(Setup.defaults());
  }

  static GatewayFixture start(UnaryOperator<AuthSettings> settings, List<String> corsOrigins)
      throws SQLException {
    return startWith(new Setup(settings, corsOrigins, true));
  }

  /** Starts with {@code setup}; {@code freshLedger=false} keeps the caller's ledger schema. */
  static GatewayFixture startWith(Setup setup) throws SQLException {
    return new GatewayFixture(setup);
  }

  @Override
  public void close() {
    gateway.close();
    markets.close();
    shard.close();
    media.close();
    ledger.close();
    shared.close();
  }

  // --- accounts

  /** Registers {@code email} with {@link #PASSWORD} and returns the answer. */
  HttpResponse<String> register(String email) {
    return post(
        "/api/auth/register",
        "{\"email\":\""
            + email
            + "\",\"password\":\""
            + PASSWORD
            + "\",\"displayName\":\"Runner\"}",
        null);
  }

  /** Signs in and returns the token answer (tokens in the body). */
  JsonNode login(String email) {
    HttpResponse<String> response =
        post(
            "/api/auth/login",
            "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}",
            null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return read(response);
  }

  /** Returns an access token of the configured admin, registering them on first use. */
  String admin() {
    if (adminToken == null) {
      register(ADMIN_EMAIL);
      adminToken = login(ADMIN_EMAIL).get("accessToken").asText();
    }
    return adminToken;
  }

  /** Registers {@code email}, has the admin grant {@code roles}, signs in: the access token. */
  String userWith(String email, String... roles) {
    JsonNode account = read(register(email));
    if (roles.length > 0) {
      String grant = json.valueToTree(List.of(roles)).toString();
      HttpResponse<String> granted =
          post(
              "/api/admin/users/" + account.get("id").asText() + "/roles",
              "{\"grant\":" + grant + "}",
              admin());
      assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    }
    return login(email).get("accessToken").asText();
  }

  /** Creates a stream as {@code token}'s user and returns the answer's body. */
  JsonNode createStream(String title, String token) {
    HttpResponse<String> created = post("/api/streams", "{\"title\":\"" + title + "\"}", token);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return read(created);
  }

  // --- HTTP

  URI uri(String path) {
    return gateway.baseUri().resolve(path);
  }

  HttpResponse<String> get(String path, String bearer) {
    return send(withBearer(HttpRequest.newBuilder(uri(path)).GET(), bearer));
  }

  HttpResponse<String> get(String path) {
    return get(path, null);
  }

  HttpResponse<String> post(String path, String body, String bearer) {
    return send(
        withBearer(
            HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)),
            bearer));
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpRequest.Builder withBearer(HttpRequest.Builder request, String bearer) {
    return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
  }

  JsonNode read(HttpResponse<String> response) {
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  void assertProblem(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith(Problem.MEDIA_TYPE));
    JsonNode problem = read(response);
    assertThat(problem.get("code").asText()).as(response.body()).isEqualTo(code);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asText()).isNotBlank();
  }

  /** Counts the rows of a gateway table. */
  long rows(String table) {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM gateway." + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs one SQL statement against the test database. */
  void sql(String statement) {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
