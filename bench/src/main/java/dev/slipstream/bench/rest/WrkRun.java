package dev.slipstream.bench.rest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of {@code wrk} against a URL and what it reported: requests per second, latency
 * percentiles, and how many answers were not 2xx/3xx (here: the 429s of the rate limit).
 *
 * @param requests the requests completed
 * @param requestsPerSecond wrk's "Requests/sec"
 * @param p50Millis the median latency
 * @param p99Millis the 99th percentile latency
 * @param non2xx answers that were not 2xx or 3xx
 */
record WrkRun(
    long requests, double requestsPerSecond, double p50Millis, double p99Millis, long non2xx) {
  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final Pattern PERCENTILE =
      Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);

  /** Runs {@code wrk} and parses its report; fails with wrk's output when it cannot. */
  static WrkRun run(URI url, int threads, int connections, int seconds)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "wrk",
                "--latency",
                "-t" + threads,
                "-c" + connections,
                "-d" + seconds + "s",
                url.toString()));
    Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0) {
      throw new IOException("wrk failed: " + output);
    }
    return parse(output);
  }

  static WrkRun parse(String output) throws IOException {
    double p50 = Double.NaN;
    double p99 = Double.NaN;
    Matcher percentiles = PERCENTILE.matcher(output);
    while (percentiles.find()) {
      double value = Double.parseDouble(percentiles.group(2));
      double millis =
          switch (percentiles.group(3)) {
            case "us" -> value / 1_000;
            case "s" -> value * 1_000;
            default -> value;
          };
      if (percentiles.group(1).equals("50")) {
        p50 = millis;
      } else {
        p99 = millis;
      }
    }
    Matcher requests = REQUESTS.matcher(output);
    Matcher rps = RPS.matcher(output);
    if (!requests.find() || !rps.find() || Double.isNaN(p50) || Double.isNaN(p99)) {
      throw new IOException("cannot read wrk's report: " + output);
    }
    Matcher non2xx = NON2XX.matcher(output);
    return new WrkRun(
        Long.parseLong(requests.group(1)),
        Double.parseDouble(rps.group(1)),
        p50,
        p99,
        non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0);
  }

  /** Returns the share of answers that were refused, in percent. */
  double limitedPercent() {
    return requests == 0 ? 0 : 100.0 * non2xx / requests;
  }
}
