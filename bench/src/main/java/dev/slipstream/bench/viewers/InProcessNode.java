package dev.slipstream.bench.viewers;

import dev.slipstream.gateway.Gateway;
import dev.slipstream.gateway.GatewayServices;
import dev.slipstream.gateway.GatewaySettings;
import dev.slipstream.gateway.SystemInfo;
import dev.slipstream.media.sfu.LiveStreamStats;
import dev.slipstream.media.sfu.MediaServer;
import dev.slipstream.media.sfu.MediaSettings;
import dev.slipstream.media.stream.NewStream;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.platform.Health;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.DatabaseLocation;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * A Slipstream node for the load test, started in this process from the same public parts the
 * server's composition root uses: an embedded PostgreSQL in a temporary folder, the stream
 * directory, the media plane on a free loopback UDP port, and the HTTP gateway on a free port. It
 * creates one stream and publishes the synthetic source into it.
 *
 * <p>The vision, markets and ledger roles are left out: they are idle without their own clients,
 * and a WHEP viewer touches only the gateway and the media plane.
 */
final class InProcessNode implements LoadTarget {
  private final Deque<AutoCloseable> opened;
  private final URI baseUri;
  private final String streamId;
  private final MediaServer media;
  private final SyntheticH264Source source;

  private InProcessNode(
      Deque<AutoCloseable> opened,
      URI baseUri,
      String streamId,
      MediaServer media,
      SyntheticH264Source source) {
    this.opened = opened;
    this.baseUri = baseUri;
    this.streamId = streamId;
    this.media = media;
    this.source = source;
  }

  /** Starts the node and the source at {@code bitrateKbps}; the stream is live on return. */
  static InProcessNode start(
      int bitrateKbps, long seed, InstantSource clock, LongSupplier nanoTime) {
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      Path folder = Files.createTempDirectory("slipstream-bench-viewers");
      opened.push(() -> deleteRecursively(folder));
      Database db = Database.open(new DatabaseLocation.Embedded(folder), 4, null);
      opened.push(db);
      db.migrate(List.of(StreamDirectory.MIGRATION));
      SecureRandom random = new SecureRandom();
      StreamDirectory streams = StreamDirectory.postgres(db.dataSource(), clock, random);
      PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      InetAddress loopback = InetAddress.getLoopbackAddress();
      MediaServer media =
          MediaServer.start(
              new MediaSettings(
                  new InetSocketAddress(loopback, 0),
                  null,
                  List.of(loopback),
                  Duration.ofSeconds(5)),
              streams,
              clock,
              random,
              metrics);
      opened.push(media);
      Gateway gateway =
          Gateway.start(
              new GatewaySettings(loopback.getHostAddress(), 0, 1 << 20),
              new GatewayServices(
                  streams,
                  media,
                  Map.of("database", db::health, "bus", () -> Health.up("in-process")),
                  new SystemInfo(
                      "bench", clock.instant(), List.of("media", "gateway"), db.description(), ""),
                  metrics,
                  clock));
      opened.push(gateway);
      NewStream stream = streams.create("bench viewers");
      SyntheticH264Source source =
          SyntheticH264Source.start(
              media,
              stream.stream().id(),
              stream.publishKey().value(),
              bitrateKbps,
              seed,
              nanoTime);
      opened.push(source);
      return new InProcessNode(opened, gateway.baseUri(), stream.stream().id(), media, source);
    } catch (IOException e) {
      closeAll(opened);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      closeAll(opened);
      throw e;
    }
  }

  @Override
  public URI baseUri() {
    return baseUri;
  }

  @Override
  public String streamId() {
    return streamId;
  }

  @Override
  public ServerFigures figures() {
    List<LiveStreamStats.ViewerInfo> viewers =
        media.stats(streamId).map(LiveStreamStats::viewers).orElse(List.of());
    return new ServerFigures(
        true,
        source.packetsSent(),
        viewers.stream().mapToLong(LiveStreamStats.ViewerInfo::packetsDropped).sum());
  }

  @Override
  public void close() {
    closeAll(opened);
  }

  private static void closeAll(Deque<AutoCloseable> opened) {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        System.err.println("bench viewers: closing the node failed: " + e);
      }
    }
  }

  private static void deleteRecursively(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind is harmless.
    }
  }
}
