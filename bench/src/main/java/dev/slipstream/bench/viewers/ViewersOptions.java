package dev.slipstream.bench.viewers;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What {@code bench viewers} was asked to do, validated once.
 *
 * @param steps the viewer counts to measure, in order (one count, or the sweep)
 * @param rampPerSecond how many viewers join per second
 * @param duration how long each step is measured once its viewers have joined
 * @param settle how long to wait after the last join before measuring
 * @param bitrateKbps the synthetic source's video bitrate (in-process node only)
 * @param url a separately started server to load instead of an in-process node
 * @param streamId the live stream to play on {@code url}
 * @param serverPid the server process on this machine whose CPU and memory to report
 * @param receiveThreads selector threads that receive for all viewers
 * @param handshakeConcurrency DTLS handshakes in flight at once
 * @param serveOnly start the node and its source, print where, and wait: the server half of a
 *     two-process run
 * @param seed seeds ICE credentials, SSRCs and the source's frame sizes
 */
record ViewersOptions(
    List<Integer> steps,
    int rampPerSecond,
    Duration duration,
    Duration settle,
    int bitrateKbps,
    Optional<URI> url,
    Optional<String> streamId,
    OptionalLong serverPid,
    int receiveThreads,
    int handshakeConcurrency,
    boolean serveOnly,
    long seed) {

  static final List<Integer> DEFAULT_SWEEP = List.of(100, 250, 500, 750);
  private static final int MAX_VIEWERS = 10_000;
  private static final Set<String> KNOWN =
      Set.of(
          "viewers",
          "sweep",
          "ramp",
          "duration-s",
          "settle-s",
          "bitrate-kbps",
          "url",
          "stream",
          "server-pid",
          "receive-threads",
          "handshakes",
          "serve-only",
          "seed");

  /** Checks that a remote run names its stream and a local one needs none. */
  ViewersOptions {
    steps = List.copyOf(steps);
    if (url.isPresent() && streamId.isEmpty()) {
      throw new IllegalArgumentException(
          "--url needs --stream=<id> of a live stream on that server (--serve-only prints one)");
    }
    if (url.isEmpty() && (streamId.isPresent() || serverPid.isPresent())) {
      throw new IllegalArgumentException(
          "--stream and --server-pid go with --url; without it the node runs in this process");
    }
    if (url.isPresent() && serveOnly) {
      throw new IllegalArgumentException("--serve-only starts its own node; leave out --url");
    }
  }

  /**
   * Reads {@code --name=value} arguments.
   *
   * @throws IllegalArgumentException naming the first wrong argument, its value and what is allowed
   */
  static ViewersOptions parse(List<String> args) {
    Map<String, String> given = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'; see --help");
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
      if (!KNOWN.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name + "; see --help");
      }
      given.put(name, eq < 0 ? "" : arg.substring(eq + 1));
    }
    List<Integer> steps;
    if (given.containsKey("sweep")) {
      steps = given.get("sweep").isEmpty() ? DEFAULT_SWEEP : counts(given.get("sweep"));
    } else {
      steps = List.of(number(given, "viewers", 100, 1, MAX_VIEWERS));
    }
    return new ViewersOptions(
        steps,
        number(given, "ramp", 50, 1, 1_000),
        Duration.ofSeconds(number(given, "duration-s", 30, 1, 3_600)),
        Duration.ofSeconds(number(given, "settle-s", 3, 0, 600)),
        number(given, "bitrate-kbps", 1_500, 50, 50_000),
        Optional.ofNullable(given.get("url")).map(ViewersOptions::uri),
        Optional.ofNullable(given.get("stream")).filter(s -> !s.isBlank()),
        given.containsKey("server-pid")
            ? OptionalLong.of(number(given, "server-pid", 0, 1, Integer.MAX_VALUE))
            : OptionalLong.empty(),
        number(given, "receive-threads", 2, 1, 64),
        number(given, "handshakes", 16, 1, 1_000),
        given.containsKey("serve-only"),
        number(given, "seed", 1, 0, Integer.MAX_VALUE));
  }

  private static List<Integer> counts(String text) {
    List<Integer> counts = new ArrayList<>();
    int previous = 0;
    for (String part : text.split(",")) {
      int n = parse("sweep", part.strip(), 1, MAX_VIEWERS);
      if (n <= previous) {
        throw new IllegalArgumentException(
            "--sweep must list rising viewer counts, e.g. --sweep=100,250,500 (was '"
                + text
                + "')");
      }
      counts.add(n);
      previous = n;
    }
    return counts;
  }

  private static int number(
      Map<String, String> given, String name, int fallback, int min, int max) {
    String text = given.get(name);
    return text == null ? fallback : parse(name, text, min, max);
  }

  private static int parse(String name, String text, int min, int max) {
    int n;
    try {
      n = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      n = Integer.MIN_VALUE;
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(
          "--"
              + name
              + " must be a whole number from "
              + min
              + " to "
              + max
              + " (was '"
              + text
              + "')");
    }
    return n;
  }

  private static URI uri(String text) {
    try {
      URI uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // Same answer as a wrong scheme.
    }
    throw new IllegalArgumentException(
        "--url must be the server's base URL, e.g. http://127.0.0.1:8080 (was '" + text + "')");
  }

  /** Returns the largest viewer count asked for. */
  int mostViewers() {
    return steps.getLast();
  }
}
