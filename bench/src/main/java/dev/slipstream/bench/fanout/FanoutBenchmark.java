package dev.slipstream.bench.fanout;

import dev.slipstream.gateway.Gateway;
import dev.slipstream.gateway.GatewayServices;
import dev.slipstream.gateway.GatewaySettings;
import dev.slipstream.gateway.SystemInfo;
import dev.slipstream.gateway.live.LiveServices;
import dev.slipstream.gateway.live.LiveSettings;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.platform.bus.EventBus;
import dev.slipstream.platform.bus.SharedState;
import dev.slipstream.wire.v1.MarketState;
import dev.slipstream.wire.v1.MarketUpdate;
import dev.slipstream.wire.v1.SelectionPrice;
import dev.slipstream.wire.v1.ServerMessage;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./slipstream bench fanout}: odds updates from one stream's market topic to N WebSocket
 * subscribers of an in-process gateway and bus, beside a baseline of plain TCP connections sent the
 * same bytes by one writer thread. The subscribers run in a child JVM with one NIO reader. Prints
 * p50/p99/max delivery latency per size and whether any subscriber missed or reordered an update;
 * the last line is the largest run.
 */
public final class FanoutBenchmark {
  private FanoutBenchmark() {}

  /** Delivery figures of one run, in microseconds. */
  record Figures(
      long received, long missed, long reordered, long resyncs, long p50, long p99, long max) {
    static Figures parse(String line) {
      Map<String, Long> values = new HashMap<>();
      for (String part : line.substring("result ".length()).split(" ")) {
        String[] kv = part.split("=");
        values.put(kv[0], Long.parseLong(kv[1]));
      }
      return new Figures(
          values.get("received"),
          values.get("missed"),
          values.get("reordered"),
          values.get("resyncs"),
          values.get("p50_us"),
          values.get("p99_us"),
          values.get("max_us"));
    }
  }

  /** Runs the benchmark; returns the exit status (1 when a goal is missed). */
  public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    List<Integer> sizes = List.of(1_000, 5_000, 10_000);
    int rate = 20;
    int seconds = 10;
    for (String arg : args) {
      if (arg.startsWith("--sizes=")) {
        sizes = Arrays.stream(arg.substring(8).split(",")).map(Integer::parseInt).toList();
      } else if (arg.startsWith("--rate=")) {
        rate = Integer.parseInt(arg.substring(7));
      } else if (arg.startsWith("--duration-s=")) {
        seconds = Integer.parseInt(arg.substring(13));
      } else {
        err.println(
            "usage: ./slipstream bench fanout [--sizes=1000,5000,10000] [--rate=20]"
                + " [--duration-s=10]");
        return 2;
      }
    }
    int updates = rate * seconds;
    int warmup = 2 * rate;
    out.printf(
        "fan-out: %d odds updates/s for %d s per size (first 2 s not measured); subscribers"
            + " in a child JVM, two NIO readers; %d cores%n",
        rate, seconds, Runtime.getRuntime().availableProcessors());
    boolean ok = true;
    String last = "";
    try (SharedState shared = SharedState.inProcess();
        Gateway gateway = startGateway(shared.bus())) {
      for (int size : sizes) {
        String stream = "bench-" + size;
        Figures ws =
            runClients(
                "ws",
                gateway.port(),
                size,
                stream,
                updates,
                warmup,
                i ->
                    shared
                        .bus()
                        .append("stream." + stream + ".markets", update(stream, i).toByteArray()),
                rate);
        Figures baseline;
        try (BaselineServer server = new BaselineServer()) {
          server.acceptInBackground(size);
          baseline =
              runClients(
                  "tcp",
                  server.port(),
                  size,
                  stream,
                  updates,
                  warmup,
                  i ->
                      server.broadcast(
                          WsFrames.serverFrame(
                              ServerMessage.newBuilder()
                                  .setSubscriptionId("m")
                                  .setSequence(i)
                                  .setMarketUpdate(update(stream, i))
                                  .build()
                                  .toByteArray())),
                  rate);
        }
        boolean clean = ws.missed() == 0 && ws.reordered() == 0 && ws.resyncs() == 0;
        boolean goal =
            clean
                && ws.p99() <= 2 * Math.max(baseline.p99(), 1_000)
                && (size > 1_000 || ws.p99() < 20_000);
        ok &= goal;
        out.printf(
            "subscribers=%d websocket p50=%s p99=%s max=%s ms | baseline tcp p50=%s p99=%s max=%s"
                + " ms | delivered=%d missed=%d reordered=%d resyncs=%d | %s%n",
            size,
            ms(ws.p50()),
            ms(ws.p99()),
            ms(ws.max()),
            ms(baseline.p50()),
            ms(baseline.p99()),
            ms(baseline.max()),
            ws.received(),
            ws.missed(),
            ws.reordered(),
            ws.resyncs(),
            goal ? "ok" : "GOAL MISSED");
        last =
            String.format(
                "fanout: subscribers=%d p50=%s p99=%s baseline_p99=%s ms",
                size, ms(ws.p50()), ms(ws.p99()), ms(baseline.p99()));
      }
    }
    out.println(last);
    return ok ? 0 : 1;
  }

  /** Publishes update {@code i}. */
  @FunctionalInterface
  interface Publisher {
    void publish(long i) throws IOException;
  }

  private static Figures runClients(
      String mode,
      int port,
      int size,
      String stream,
      int updates,
      int warmup,
      Publisher publisher,
      int rate)
      throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx2g",
                "-cp",
                System.getProperty("java.class.path"),
                FanoutClients.class.getName(),
                mode,
                Integer.toString(port),
                Integer.toString(size),
                stream,
                Integer.toString(updates),
                Integer.toString(warmup))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line = lines.readLine();
      if (!"ready".equals(line)) {
        throw new IllegalStateException(mode + " subscribers did not get ready: " + line);
      }
      long period = 1_000_000_000L / rate;
      long start = System.nanoTime();
      for (long i = 1; i <= updates; i++) {
        long due = start + (i - 1) * period;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        publisher.publish(i);
      }
      line = lines.readLine();
      if (line == null || !line.startsWith("result ")) {
        throw new IllegalStateException(mode + " subscribers ended without a result: " + line);
      }
      return Figures.parse(line);
    } finally {
      child.waitFor();
    }
  }

  private static MarketUpdate update(String stream, long version) {
    Instant now = Clock.systemUTC().instant();
    return MarketUpdate.newBuilder()
        .setMarketId("mkt-1")
        .setStreamId(stream)
        .setPriceVersion(version)
        .setState(MarketState.MARKET_STATE_OPEN)
        .addPrices(SelectionPrice.newBuilder().setSelectionId("yes").setDecimalOddsBp(18_500))
        .addPrices(SelectionPrice.newBuilder().setSelectionId("no").setDecimalOddsBp(19_800))
        .setPublishedAtUnixUs(now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000)
        .build();
  }

  private static Gateway startGateway(EventBus bus) {
    StreamDirectory noStreams =
        (StreamDirectory)
            Proxy.newProxyInstance(
                StreamDirectory.class.getClassLoader(),
                new Class<?>[] {StreamDirectory.class},
                (proxy, method, args) -> {
                  throw new UnsupportedOperationException("the fan-out bench has no streams");
                });
    GatewayServices services =
        new GatewayServices(
                noStreams,
                null,
                Map.of(),
                new SystemInfo("bench", Instant.now(), List.of("gateway"), "none", "in-process"),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                Clock.systemUTC())
            .withLive(new LiveServices(bus, id -> true, null, null, LiveSettings.defaults()));
    return Gateway.start(new GatewaySettings("127.0.0.1", 0, 16 * 1_024), services);
  }

  private static String ms(long micros) {
    return String.format("%.2f", micros / 1_000.0);
  }
}
