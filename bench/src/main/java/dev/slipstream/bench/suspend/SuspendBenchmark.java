package dev.slipstream.bench.suspend;

import dev.slipstream.markets.engine.EngineCommand;
import dev.slipstream.markets.live.GeneratorSettings;
import dev.slipstream.markets.live.MarketEvents;
import dev.slipstream.markets.live.MarketGenerator;
import dev.slipstream.markets.live.MarketSpec;
import dev.slipstream.markets.live.Outcome;
import dev.slipstream.platform.bus.TopicEvent;
import dev.slipstream.wire.v1.AnalyticsFrame;
import dev.slipstream.wire.v1.BetRejectCode;
import dev.slipstream.wire.v1.MarketChangeReason;
import dev.slipstream.wire.v1.MarketState;
import dev.slipstream.wire.v1.MarketUpdate;
import dev.slipstream.wire.v1.PlaceBet;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * {@code ./slipstream bench suspend}: how long a decided market takes to be suspended, measured
 * from the moment the analytics frame that carries the deciding event reaches the markets role.
 * Each of {@code --streams} streams feeds a scripted race ({@link RaceFrames}, 15 frames a second
 * of media time, {@code --speedup} times faster than real time) through the server's market path:
 * the stream's {@link MarketGenerator} with the standard templates, the market service's recording,
 * the desk, the bet shard on a durable embedded PostgreSQL and the in-process bus. For every market
 * a frame decides, three moments are taken: the sequencer refusing the market's bets (a probe bet
 * sent right after the desk's {@code Suspend} is answered {@code MARKET_SUSPENDED}; refusals are
 * answered without waiting for the journal), the suspension durable on the shard (the shard
 * journals commands in order, so a probe command submitted right after the {@code Suspend}
 * completes once the suspension is journaled) and the {@code SUSPENDED} update delivered to a bus
 * subscriber of the stream's market topic. The first {@code --warmup-s} seconds are not counted.
 * Ends with {@code suspend: n=… p50=… p99=… max=… ms} (per market, the later of refusing bets and
 * on the bus: visible to the sequencer and to viewers) and a line for each moment.
 */
public final class SuspendBenchmark {
  private final Map<String, Long> frameArrival = new ConcurrentHashMap<>();
  private final Map<String, String> firstSelection = new ConcurrentHashMap<>();
  private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
  private final Histogram both = new ConcurrentHistogram(3);
  private final Histogram refusing = new ConcurrentHistogram(3);
  private final Histogram onShard = new ConcurrentHistogram(3);
  private final Histogram onBus = new ConcurrentHistogram(3);
  private volatile boolean counting;
  private volatile SuspendPlatform tapShard;

  private SuspendBenchmark() {}

  /** Runs the benchmark; returns the exit status. */
  public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    int streams = 10;
    int duration = 60;
    int warmup = 5;
    double speedup = 2;
    for (String arg : args) {
      try {
        if (arg.startsWith("--streams=")) {
          streams = Integer.parseInt(arg.substring("--streams=".length()));
        } else if (arg.startsWith("--duration-s=")) {
          duration = Integer.parseInt(arg.substring("--duration-s=".length()));
        } else if (arg.startsWith("--warmup-s=")) {
          warmup = Integer.parseInt(arg.substring("--warmup-s=".length()));
        } else if (arg.startsWith("--speedup=")) {
          speedup = Double.parseDouble(arg.substring("--speedup=".length()));
        } else {
          throw new IllegalArgumentException("unknown option " + arg);
        }
      } catch (IllegalArgumentException e) {
        err.println(
            "slipstream bench suspend: "
                + e.getMessage()
                + " (--streams=N, --duration-s=N, --warmup-s=N, --speedup=X)");
        return 2;
      }
    }
    if (streams < 1 || duration < 1 || warmup < 0 || !(speedup > 0)) {
      err.println("slipstream bench suspend: streams, duration and speedup must be positive");
      return 2;
    }
    new SuspendBenchmark().measure(streams, duration, warmup, speedup, out);
    return 0;
  }

  private void measure(int streams, int duration, int warmup, double speedup, PrintStream out)
      throws Exception {
    try (SuspendPlatform platform = SuspendPlatform.start(this::probe)) {
      out.printf(
          Locale.ROOT,
          "database: %s (fsync and synchronous_commit on); %d streams at 15 frames/s, %.1fx real"
              + " time; %d s (%d s warm-up)%n",
          platform.db.description(),
          streams,
          speedup,
          duration,
          warmup);
      tapShard = platform;
      List<Thread> feeders = new ArrayList<>();
      long start = System.nanoTime();
      long end = start + (warmup + duration) * 1_000_000_000L;
      for (int s = 0; s < streams; s++) {
        String streamId = "bench" + s;
        platform.bus.subscribe(
            SuspendPlatform.topic(streamId),
            1,
            signal -> {
              if (signal instanceof TopicEvent event) {
                onBus(event.payload());
              }
            });
        RaceFrames race = new RaceFrames(streamId, 41 + s);
        feeders.add(
            Thread.ofPlatform()
                .name("analytics-" + streamId)
                .start(() -> feed(platform.events, streamId, race, start, end, speedup)));
      }
      LockSupport.parkNanos(warmup * 1_000_000_000L);
      counting = true;
      for (Thread feeder : feeders) {
        feeder.join();
      }
      // The last decisions' suspensions are still on their way.
      Thread.sleep(2_000);
      counting = false;
      print(out, "suspend", both);
      print(out, "suspend_refusing", refusing);
      print(out, "suspend_journaled", onShard);
      print(out, "suspend_bus", onBus);
    }
  }

  /** One stream's analytics thread: frames on their media-time schedule, into the generator. */
  private void feed(
      MarketEvents events, String streamId, RaceFrames race, long start, long end, double speedup) {
    long frameNanos = (long) (RaceFrames.FRAME_MICROS * 1_000 / speedup);
    long[] arrival = new long[1];
    MarketEvents timed = timed(events, arrival);
    MarketGenerator generator =
        new MarketGenerator(
            streamId,
            streamId + "-mk",
            MarketGenerator.standardTemplates(() -> Set.of("box")),
            GeneratorSettings.DEFAULTS,
            timed);
    long due = start;
    while (due < end) {
      LockSupport.parkNanos(due - System.nanoTime());
      AnalyticsFrame frame = race.next();
      arrival[0] = System.nanoTime();
      generator.onFrame(frame, System.currentTimeMillis() * 1_000);
      due += frameNanos;
    }
  }

  /** The generator's events, noting for each decided market when its deciding frame arrived. */
  private MarketEvents timed(MarketEvents events, long[] arrival) {
    return new MarketEvents() {
      @Override
      public void opened(MarketSpec market, double[] fair) {
        events.opened(market, fair);
      }

      @Override
      public void repriced(MarketSpec market, double[] fair) {
        events.repriced(market, fair);
      }

      @Override
      public void deciding(MarketSpec market, Outcome outcome) {
        note(market);
        events.deciding(market, outcome);
      }

      @Override
      public void decided(MarketSpec market, Outcome outcome) {
        note(market);
        events.decided(market, outcome);
      }

      @Override
      public void ticked(String streamId, long mediaTimeUs) {
        events.ticked(streamId, mediaTimeUs);
      }

      private void note(MarketSpec market) {
        if (counting && !frameArrival.containsKey(market.marketId())) {
          firstSelection.put(market.marketId(), market.selections().getFirst());
          frameArrival.put(market.marketId(), arrival[0]);
        }
      }

      @Override
      public void stalled(String streamId, long mediaTimeUs) {
        events.stalled(streamId, mediaTimeUs);
      }

      @Override
      public void resumed(String streamId, long mediaTimeUs) {
        events.resumed(streamId, mediaTimeUs);
      }
    };
  }

  /**
   * Called as the desk hands on each update, right after it submitted the market's {@code Suspend}:
   * a probe queued behind it completes once the suspension is journaled.
   */
  private void probe(MarketUpdate update) {
    Long arrived = decisive(update) ? frameArrival.get(update.getMarketId()) : null;
    SuspendPlatform platform = tapShard;
    if (arrived == null || platform == null) {
      return;
    }
    String marketId = update.getMarketId();
    // A bet sent now is answered at once, without waiting for the journal: refused as suspended.
    platform
        .shard
        .place(
            PlaceBet.newBuilder()
                .setRequestId("probe-" + marketId)
                .setAccountId("1")
                .setMarketId(marketId)
                .setSelectionId(firstSelection.getOrDefault(marketId, "yes"))
                .setStakeMinor(10)
                .setCurrency(SuspendPlatform.CURRENCY)
                .setMediaTimeUs(0)
                .build())
        .thenAccept(
            answer -> {
              if (answer.getRejectCode() == BetRejectCode.BET_REJECT_CODE_MARKET_SUSPENDED) {
                record(marketId, arrived, refusing);
              } else {
                System.err.println("suspend bench: probe bet answered " + answer);
              }
            });
    platform
        .shard
        .submit(new EngineCommand.ConfirmPending(update.getStreamId(), 0))
        .thenRun(() -> onShard.recordValue(Math.max(1, (System.nanoTime() - arrived) / 1_000)));
  }

  private void onBus(byte[] payload) {
    MarketUpdate update;
    try {
      update = MarketUpdate.parseFrom(payload);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      return;
    }
    Long arrived = decisive(update) ? frameArrival.get(update.getMarketId()) : null;
    if (arrived != null) {
      record(update.getMarketId(), arrived, onBus);
    }
  }

  private void record(String marketId, long arrived, Histogram histogram) {
    long now = System.nanoTime();
    long micros = Math.max(1, (now - arrived) / 1_000);
    histogram.recordValue(micros);
    Long other = firstSeen.putIfAbsent(marketId, micros);
    if (other != null) {
      both.recordValue(Math.max(other, micros));
      frameArrival.remove(marketId);
      firstSelection.remove(marketId);
      firstSeen.remove(marketId);
    }
  }

  private static boolean decisive(MarketUpdate update) {
    return update.getState() == MarketState.MARKET_STATE_SUSPENDED
        && update.getReason() == MarketChangeReason.MARKET_CHANGE_REASON_DECISIVE_MOMENT;
  }

  private static void print(PrintStream out, String name, Histogram h) {
    out.printf(
        Locale.ROOT,
        "%s: n=%d p50=%.2f p99=%.2f max=%.2f ms%n",
        name,
        h.getTotalCount(),
        h.getValueAtPercentile(50) / 1e3,
        h.getValueAtPercentile(99) / 1e3,
        h.getMaxValue() / 1e3);
  }
}
