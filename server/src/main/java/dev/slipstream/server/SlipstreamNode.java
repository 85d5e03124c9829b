package dev.slipstream.server;

import dev.slipstream.gateway.Gateway;
import dev.slipstream.gateway.GatewayServices;
import dev.slipstream.gateway.GatewaySettings;
import dev.slipstream.gateway.SystemInfo;
import dev.slipstream.gateway.auth.AuthServices;
import dev.slipstream.gateway.auth.AuthSettings;
import dev.slipstream.gateway.live.AccountTopics;
import dev.slipstream.gateway.live.LiveServices;
import dev.slipstream.gateway.live.LiveSettings;
import dev.slipstream.gateway.privacy.PiiCipher;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.LedgerSettings;
import dev.slipstream.markets.sequencer.BetSequencer;
import dev.slipstream.markets.sequencer.JournalPlace;
import dev.slipstream.markets.service.EvidenceFrames;
import dev.slipstream.media.ingest.IngestListener;
import dev.slipstream.media.sfu.MediaServer;
import dev.slipstream.media.sfu.MediaSettings;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.media.stream.StreamInfo;
import dev.slipstream.platform.Health;
import dev.slipstream.platform.bus.BusLimits;
import dev.slipstream.platform.bus.RedisSettings;
import dev.slipstream.platform.bus.SharedState;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.DatabaseLocation;
import dev.slipstream.server.config.Role;
import dev.slipstream.server.config.SlipstreamConfig;
import dev.slipstream.vision.scene.SyntheticTrackScene;
import dev.slipstream.vision.view.StreamView;
import dev.slipstream.vision.view.StreamViews;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Slipstream process: opens the database, the shared state and bus, and the roles asked
 * for, in dependency order, and closes them in reverse. If anything fails to start, what was
 * already opened is closed before the error goes up, so no process or lock is left behind.
 */
final class SlipstreamNode implements AutoCloseable {
  private static final String REDIS_KEY_PREFIX = "slipstream:";
  private static final Logger log = LoggerFactory.getLogger(SlipstreamNode.class);

  private final Deque<AutoCloseable> opened;
  private final @Nullable Gateway gateway;
  private final String summary;
  private boolean closed;

  private SlipstreamNode(Deque<AutoCloseable> opened, @Nullable Gateway gateway, String summary) {
    this.opened = opened;
    this.gateway = gateway;
    this.summary = summary;
  }

  static SlipstreamNode start(
      SlipstreamConfig config, Set<Role> roles, boolean demo, InstantSource clock) {
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      Metrics metrics = Metrics.create();
      opened.push(metrics);
      Database database =
          Database.open(location(config), config.databasePoolSize(), metrics.registry());
      opened.push(database);
      database.migrate(
          List.of(StreamDirectory.MIGRATION, AuthServices.MIGRATION, StreamViews.MIGRATION));
      SharedState shared = sharedState(config, clock);
      opened.push(shared);

      SecureRandom random = new SecureRandom();
      StreamDirectory streams = StreamDirectory.postgres(database.dataSource(), clock, random);
      StreamInfo demoStream = demo ? MediaSources.demoStream(streams) : null;
      SyntheticTrackScene demoScene = demo ? SyntheticTrackScene.create(7, 4) : null;
      StreamCalibrations calibrations =
          new StreamCalibrations(StreamViews.postgres(database.dataSource(), clock), shared.bus());
      opened.push(calibrations);
      if (demoStream != null && demoScene != null) {
        // Only the first time: an operator's later edit of the demo's view survives restarts.
        calibrations.putIfAbsent(
            demoStream.id(),
            StreamView.of(demoScene.calibrationPoints(), List.of(demoScene.zone())),
            "demo");
      }
      VisionDetectors.check(config.visionDetector());
      MediaServer media = null;
      List<String> sources = new ArrayList<>();
      if (roles.contains(Role.MEDIA)) {
        media =
            MediaServer.start(mediaSettings(config), streams, clock, random, metrics.registry());
        opened.push(media);
        for (IngestListener listener :
            MediaSources.listeners(config.media(), media, streams, random)) {
          opened.push(listener);
          sources.add(listener.publishUrl());
        }
      }
      LiveAnalytics analytics = null;
      if (roles.contains(Role.VISION) && media != null) {
        analytics =
            new LiveAnalytics(
                media,
                shared.bus(),
                calibrations,
                LiveAnalytics.PoseModel.valueOf(config.visionPose().toUpperCase(Locale.ROOT)),
                config.visionDetector().onnxModel(),
                metrics.registry(),
                clock);
        opened.push(analytics);
        media.watchLiveStreams(analytics);
        calibrations.onChange(analytics::viewChanged);
      }
      Ledger ledger = null;
      LiveMarkets markets = null;
      MoneyRole money = null;
      PiiCipher cipher = MoneyRole.cipher(config.money(), random);
      if (roles.contains(Role.MARKETS) && roles.contains(Role.LEDGER)) {
        database.migrate(List.of(Ledger.MIGRATION, BetSequencer.MIGRATION));
        EvidenceThumbnails thumbnails = null;
        if (media != null) {
          thumbnails = new EvidenceThumbnails(media, id -> calibrations.of(id).isPresent());
          opened.push(thumbnails);
          media.watchLiveStreams(thumbnails);
          calibrations.onChange(thumbnails::viewChanged);
        }
        ledger =
            Ledger.postgres(
                database.dataSource(), clock, LedgerSettings.defaults(), metrics.registry());
        opened.push(ledger);
        money = new MoneyRole(database.dataSource(), ledger, config.money(), cipher, clock, random);
        opened.push(money);
        markets =
            startMarkets(
                database,
                ledger,
                shared,
                calibrations,
                clock,
                metrics.registry(),
                money.payments().holdBacking(),
                thumbnails == null ? EvidenceFrames.NONE : thumbnails,
                journalPlace(config));
        opened.push(markets);
        if (analytics != null) {
          analytics.addConsumer(markets);
        }
      }
      Gateway gateway = null;
      if (roles.contains(Role.GATEWAY)) {
        Map<String, Supplier<Health>> checks = new LinkedHashMap<>();
        checks.put("database", database::health);
        checks.put("bus", () -> shared.bus().health());
        SystemInfo system =
            new SystemInfo(
                Main.version(),
                clock.instant(),
                roles.stream().sorted().map(Role::wireName).toList(),
                database.description(),
                shared.description());
        AuthServices auth =
            AuthServices.start(database.dataSource(), authSettings(config), clock, random, cipher);
        GatewayServices services =
            new GatewayServices(
                    streams, media, checks, system, metrics.registry(), clock, auth, random)
                .withLive(
                    new LiveServices(
                        shared.bus(),
                        id -> streams.find(id).isPresent(),
                        markets == null ? null : markets.service()::place,
                        ledger,
                        LiveSettings.defaults()));
        if (money != null) {
          services = services.withMoney(money.services());
        }
        if (markets != null) {
          services = services.withMarkets(markets.service());
        }
        services = services.withViews(calibrations);
        gateway =
            Gateway.start(
                new GatewaySettings(
                        config.httpHost(),
                        config.httpPort(),
                        config.maxRequestBytes(),
                        config.auth().corsOrigins())
                    .withGuard(config.guard().guard())
                    .withTls(config.guard().tls()),
                services);
        opened.push(gateway);
        // Over TLS the in-process sandbox hands its signed webhooks to payments directly: its
        // HTTP client would not trust a self-signed certificate.
        if (money != null && gateway.certificate() == null) {
          money.deliverTo(gateway.baseUri());
        }
      }
      if (media != null && demoStream != null) {
        // Last, so a start-up that fails earlier never spends time encoding.
        opened.push(MediaSources.demoSource(demoStream, streams, media, clock, random, demoScene));
      }
      return new SlipstreamNode(
          opened, gateway, summary(config, roles, database, shared, gateway, sources, demoStream));
    } catch (RuntimeException e) {
      closeAll(opened);
      throw e;
    }
  }

  private static LiveMarkets startMarkets(
      Database database,
      Ledger ledger,
      SharedState shared,
      StreamCalibrations calibrations,
      InstantSource clock,
      io.micrometer.core.instrument.MeterRegistry registry,
      dev.slipstream.ledger.spi.HoldBacking paymentHolds,
      EvidenceFrames frames,
      JournalPlace journal) {
    try {
      return LiveMarkets.start(
          database.dataSource(),
          ledger,
          shared.bus(),
          streamId ->
              calibrations
                  .of(streamId)
                  .map(
                      v ->
                          v.zones().stream()
                              .map(z -> z.id())
                              .collect(java.util.stream.Collectors.toSet()))
                  .orElse(java.util.Set.of()),
          clock,
          registry,
          paymentHolds,
          frames,
          journal);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot start the bet shard: " + e.getMessage(), e);
    }
  }

  /**
   * Where the bet shard journals ({@code bets.journal}): its local folder in the data directory, or
   * PostgreSQL after draining whatever a local journal left in that folder.
   */
  private static JournalPlace journalPlace(SlipstreamConfig config) {
    java.nio.file.Path folder =
        config.dataDirectory().resolve("journal").resolve(LiveMarkets.SHARD);
    return config.betsJournal().equals("local")
        ? new JournalPlace.Local(folder)
        : new JournalPlace.Postgres(folder);
  }

  private static AuthSettings authSettings(SlipstreamConfig config) {
    AuthSettings defaults = AuthSettings.defaults();
    return defaults
        .withTokenLifetimes(
            config.auth().accessTokenTtl(),
            config.auth().refreshTokenTtl(),
            defaults.playTokenTtl())
        .withJwtSecrets(config.auth().jwtSecrets())
        .withAdminEmail(config.auth().adminEmail());
  }

  private static DatabaseLocation location(SlipstreamConfig config) {
    return config
        .databaseUrl()
        .<DatabaseLocation>map(
            url ->
                new DatabaseLocation.External(
                    url, config.databaseUser(), config.databasePassword()))
        .orElseGet(() -> new DatabaseLocation.Embedded(config.dataDirectory().resolve("postgres")));
  }

  private static MediaSettings mediaSettings(SlipstreamConfig config) {
    return new MediaSettings(
        new InetSocketAddress(config.media().udpPort()),
        new InetSocketAddress(config.media().tcpPort()),
        config.media().announcedAddresses(),
        config.media().reconnectGrace());
  }

  private static SharedState sharedState(SlipstreamConfig config, InstantSource clock) {
    BusLimits limits = busLimits();
    return config
        .redisUrl()
        .map(uri -> SharedState.redis(RedisSettings.of(uri.toString(), REDIS_KEY_PREFIX), limits))
        .orElseGet(() -> SharedState.inProcess(clock, limits));
  }

  /** The bus's retention: the defaults, and fewer events for each user's account topic. */
  static BusLimits busLimits() {
    return AccountTopics.retention(BusLimits.defaults());
  }

  private static String summary(
      SlipstreamConfig config,
      Set<Role> roles,
      Database database,
      SharedState shared,
      @Nullable Gateway gateway,
      List<String> ingest,
      @Nullable StreamInfo demoStream) {
    StringBuilder text = new StringBuilder("Slipstream is up");
    if (gateway != null) {
      text.append(": ").append(gateway.baseUri());
    }
    text.append("\n  roles:    ")
        .append(String.join(", ", roles.stream().sorted().map(Role::wireName).toList()));
    text.append("\n  database: ").append(database.description());
    text.append("\n  bus:      ").append(shared.description());
    text.append("\n  data:     ").append(config.dataDirectory());
    for (String url : ingest) {
      text.append("\n  ingest:   ").append(url);
    }
    if (demoStream != null && gateway != null) {
      text.append("\n  demo:     ")
          .append(gateway.baseUri().resolve("/watch/" + demoStream.id()))
          .append(" (live from the synthetic source)");
    }
    return text.toString();
  }

  /** Returns the lines printed once the node is up. */
  String summary() {
    return summary;
  }

  /** Returns the gateway's port, when this node runs the gateway. */
  Optional<Integer> httpPort() {
    return Optional.ofNullable(gateway).map(Gateway::port);
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      closeAll(opened);
    }
  }

  private static void closeAll(Deque<AutoCloseable> opened) {
    while (!opened.isEmpty()) {
      AutoCloseable next = opened.pop();
      try {
        next.close();
      } catch (Exception e) {
        log.warn("closing {} failed: {}", next.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
