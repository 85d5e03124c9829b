package dev.slipstream.bench.viewers;

import dev.slipstream.bench.MachineCpu;
import dev.slipstream.gateway.GatewayStartException;
import dev.slipstream.media.sfu.MediaStartException;
import dev.slipstream.platform.db.DatabaseUnavailableException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code ./slipstream bench viewers}: the WHEP viewer load test. It starts a Slipstream node in
 * this process with a synthetic H.264 source (or targets a separately started server with {@code
 * --url}), ramps up N WHEP viewers that each do ICE, DTLS and SRTP like a browser, measures their
 * loss, this process's CPU and memory, and the join times, and ends with one summary line.
 */
public final class ViewersCommand {
  static final String HELP =
      """
      Usage: ./slipstream bench viewers [options]
        --viewers=N           viewers to connect (default 100)
        --sweep[=A,B,...]     measure each count in turn, adding viewers between steps, and stop
                              at the first that does not hold (default 100,250,500,750)
        --ramp=N              viewers joining per second (default 50)
        --duration-s=S        measured seconds per step, after all joined (default 30)
        --settle-s=S          seconds to wait after the last join before measuring (default 3)
        --bitrate-kbps=K      synthetic video bitrate; audio adds 32 kbit/s (default 1500)
        --url=http://h:p      load a server started separately instead of one in this process
        --stream=ID           with --url: a live stream there to play
        --server-pid=PID      with --url: that server's process, to report its CPU and memory
        --serve-only          start the node and its source, print --url and --stream, and wait
        --receive-threads=N   selector threads receiving for all viewers (default 2)
        --handshakes=N        DTLS handshakes in flight at once (default 16)
        --seed=N              seeds ICE credentials and frame sizes (default 1)
      A step holds (sustained=true) when loss is under 1 %, every viewer joined and none stalled.
      In-process, the viewers run in the same JVM on the same cores as the SFU, so cpu_pct counts
      both and the sustained viewer count is conservative; to separate them, run
        bench viewers --serve-only        and, in another shell,
        bench viewers --url=... --stream=... --server-pid=...""";

  private static final int EXIT_FAILED = 1;
  private static final int EXIT_USAGE = 2;
  private static final double BUSY_WARNING_PCT = 20;

  /** Held so the level sticks: jitsi-srtp logs its AES benchmark at INFO through JUL. */
  private static final Logger JITSI = Logger.getLogger("org.jitsi");

  private ViewersCommand() {}

  /** Runs the load test with {@code args}; returns the exit status. */
  public static int run(List<String> args, PrintStream out, PrintStream err)
      throws InterruptedException {
    if (args.contains("--help") || args.contains("-h")) {
      out.println(HELP);
      return 0;
    }
    ViewersOptions options;
    try {
      options = ViewersOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("bench viewers: " + e.getMessage());
      return EXIT_USAGE;
    }
    JITSI.setLevel(Level.WARNING);
    InstantSource clock = Clock.systemUTC();
    LongSupplier nanoTime = System::nanoTime;
    try {
      return options.serveOnly()
          ? serve(options, clock, nanoTime, out)
          : measure(options, clock, nanoTime, out, err);
    } catch (DatabaseUnavailableException | MediaStartException | GatewayStartException e) {
      err.println("bench viewers: cannot start the in-process node: " + e.getMessage());
      return EXIT_FAILED;
    }
  }

  private static int measure(
      ViewersOptions options,
      InstantSource clock,
      LongSupplier nanoTime,
      PrintStream out,
      PrintStream err)
      throws InterruptedException {
    ProcessMeter server;
    try {
      server =
          options.serverPid().isPresent() ? ProcessMeter.of(options.serverPid().getAsLong()) : null;
    } catch (IllegalArgumentException e) {
      err.println("bench viewers: " + e.getMessage());
      return EXIT_USAGE;
    }
    double busyBefore = busyBefore();
    try (LoadTarget target = target(options, clock, nanoTime)) {
      out.println(describe(options, target, server != null));
      if (busyBefore > BUSY_WARNING_PCT) {
        out.printf(
            Locale.ROOT,
            "bench viewers: warning: the machine was %.0f %% busy before the test started (other"
                + " processes); the figures below are pessimistic%n",
            busyBefore);
      }
      List<StepResult> results = new ArrayList<>();
      try (ViewerFleet fleet =
          new ViewerFleet(
              target,
              options.receiveThreads(),
              options.handshakeConcurrency(),
              options.seed(),
              clock,
              nanoTime)) {
        StepRunner steps = new StepRunner(fleet, target, server, options, nanoTime);
        int previous = 0;
        for (int viewers : options.steps()) {
          StepResult result = steps.run(previous, viewers);
          out.println(result.line());
          out.flush();
          results.add(result);
          previous = viewers;
          if (!result.sustained()) {
            break;
          }
        }
      }
      out.println(best(results).summary());
      return 0;
    }
  }

  private static LoadTarget target(
      ViewersOptions options, InstantSource clock, LongSupplier nanos) {
    if (options.url().isPresent()) {
      return new RemoteServer(options.url().get(), options.streamId().orElseThrow());
    }
    return InProcessNode.start(options.bitrateKbps(), options.seed(), clock, nanos);
  }

  private static String describe(ViewersOptions options, LoadTarget target, boolean serverPid) {
    String where =
        target instanceof InProcessNode
            ? "an in-process node (WHEP clients share this JVM and its cores, so cpu_pct counts"
                + " server and clients together and the figures are conservative)"
            : "the server at "
                + target.baseUri()
                + (serverPid
                    ? " (cpu_pct and rss_mb in the summary are that process's)"
                    : " (cpu_pct and rss_mb are this load process's; pass --server-pid for the"
                        + " server's)");
    return "bench viewers: steps="
        + options.steps()
        + " ramp="
        + options.rampPerSecond()
        + "/s duration="
        + options.duration().toSeconds()
        + "s against "
        + where;
  }

  /** Returns the machine's CPU use over one second, 100 per busy core, before anything starts. */
  private static double busyBefore() throws InterruptedException {
    MachineCpu before = MachineCpu.now();
    TimeUnit.SECONDS.sleep(1);
    return MachineCpu.now().percentSince(before);
  }

  /** Returns the largest step that held, else the first (which did not). */
  private static StepResult best(List<StepResult> results) {
    return results.stream()
        .filter(StepResult::sustained)
        .reduce((a, b) -> b)
        .orElse(results.getFirst());
  }

  private static int serve(
      ViewersOptions options, InstantSource clock, LongSupplier nanoTime, PrintStream out)
      throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    // The hook waits for the node to close, so Ctrl-C never leaves PostgreSQL running.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.countDown();
                  try {
                    stopped.await(20, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "bench-viewers-stop"));
    try (InProcessNode node =
        InProcessNode.start(options.bitrateKbps(), options.seed(), clock, nanoTime)) {
      out.println(
          "bench viewers: serving --url="
              + node.baseUri()
              + " --stream="
              + node.streamId()
              + " --server-pid="
              + ProcessHandle.current().pid()
              + " at "
              + options.bitrateKbps()
              + " kbit/s; Ctrl-C stops");
      out.flush();
      stop.await();
    } finally {
      stopped.countDown();
    }
    return 0;
  }
}
