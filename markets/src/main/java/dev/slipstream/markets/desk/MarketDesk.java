package dev.slipstream.markets.desk;

import dev.slipstream.markets.engine.EngineCommand;
import dev.slipstream.markets.engine.RiskLimits;
import dev.slipstream.markets.live.MarketEvents;
import dev.slipstream.markets.live.MarketSpec;
import dev.slipstream.markets.live.Outcome;
import dev.slipstream.markets.pricing.Margin;
import dev.slipstream.markets.pricing.Odds;
import dev.slipstream.markets.sequencer.BetSequencer;
import dev.slipstream.wire.v1.MarketChangeReason;
import dev.slipstream.wire.v1.MarketState;
import dev.slipstream.wire.v1.MarketUpdate;
import dev.slipstream.wire.v1.SelectionPrice;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Turns a stream's live market events into the bet engine's commands and viewers' updates. Fair
 * probabilities get the book's margin (odds-ratio method, 6 % by default) and become odds on the
 * ladder; a decided market is suspended from its deciding moment (striking later bets), closed, and
 * settled or voided; an analytics stall suspends every open market of the stream, and they reopen
 * when frames flow again. Each change goes out as a {@link MarketUpdate} with a version that grows
 * per market.
 */
public final class MarketDesk implements MarketEvents {
  private final BetSequencer shard;
  private final Margin margin;
  private final double overround;
  private final RiskLimits limits;
  private final String currency;
  private final Consumer<MarketUpdate> updates;
  private final InstantSource clock;
  private final Map<String, Long> versions = new ConcurrentHashMap<>();
  private final Map<String, String> streamOf = new ConcurrentHashMap<>();
  private final Set<String> suspendedByStall = ConcurrentHashMap.newKeySet();
  private final Set<String> suspendedEarly = ConcurrentHashMap.newKeySet();

  public MarketDesk(
      BetSequencer shard,
      Margin margin,
      double overround,
      RiskLimits limits,
      String currency,
      Consumer<MarketUpdate> updates,
      InstantSource clock) {
    this.shard = shard;
    this.margin = margin;
    this.overround = overround;
    this.limits = limits;
    this.currency = currency;
    this.updates = updates;
    this.clock = clock;
  }

  @Override
  public void opened(MarketSpec market, double[] fair) {
    int[] odds = odds(fair);
    shard.submit(
        new EngineCommand.Open(
            market.marketId(), market.streamId(), currency, market.selections(), odds, limits));
    versions.put(market.marketId(), 1L);
    streamOf.put(market.marketId(), market.streamId());
    publish(
        market,
        odds,
        fair,
        MarketState.MARKET_STATE_OPEN,
        MarketChangeReason.MARKET_CHANGE_REASON_OPENED,
        market.title(),
        market.windowStartUs(),
        "");
  }

  @Override
  public void repriced(MarketSpec market, double[] fair) {
    if (suspendedByStall.contains(market.marketId())) {
      return;
    }
    int[] odds = odds(fair);
    shard.submit(new EngineCommand.Reprice(market.marketId(), odds));
    versions.merge(market.marketId(), 1L, Long::sum);
    publish(
        market,
        odds,
        fair,
        MarketState.MARKET_STATE_OPEN,
        MarketChangeReason.MARKET_CHANGE_REASON_REPRICED,
        "",
        0,
        "");
  }

  /** Suspends the market from its deciding moment at once; {@link #decided} then settles it. */
  @Override
  public void deciding(MarketSpec market, Outcome outcome) {
    if (versions.containsKey(market.marketId()) && suspendedEarly.add(market.marketId())) {
      suspend(market, outcome);
    }
  }

  @Override
  public void decided(MarketSpec market, Outcome outcome) {
    if (!suspendedEarly.remove(market.marketId())) {
      suspend(market, outcome);
    }
    shard.submit(new EngineCommand.Close(market.marketId(), outcome.decidedAtUs()));
    if (outcome.isVoid()) {
      shard.submit(new EngineCommand.Void(market.marketId()));
      publish(
          market,
          new int[0],
          new double[0],
          MarketState.MARKET_STATE_VOID,
          MarketChangeReason.MARKET_CHANGE_REASON_TRACK_LOST,
          outcome.reason(),
          outcome.decidedAtUs(),
          "");
    } else {
      shard.submit(new EngineCommand.Settle(market.marketId(), outcome.winner()));
      publish(
          market,
          new int[0],
          new double[0],
          MarketState.MARKET_STATE_SETTLED,
          MarketChangeReason.MARKET_CHANGE_REASON_OUTCOME_DECIDED,
          outcome.reason(),
          outcome.decidedAtUs(),
          market.selections().get(outcome.winner()));
    }
    versions.remove(market.marketId());
    streamOf.remove(market.marketId());
  }

  private void suspend(MarketSpec market, Outcome outcome) {
    suspendedByStall.remove(market.marketId());
    shard.submit(new EngineCommand.Suspend(market.marketId(), outcome.decidedAtUs()));
    publish(
        market,
        new int[0],
        new double[0],
        MarketState.MARKET_STATE_SUSPENDED,
        MarketChangeReason.MARKET_CHANGE_REASON_DECISIVE_MOMENT,
        outcome.reason(),
        outcome.decidedAtUs(),
        "");
  }

  @Override
  public void stalled(String streamId, long mediaTimeUs) {
    for (String marketId : marketsOf(streamId)) {
      if (suspendedByStall.add(marketId)) {
        shard.submit(new EngineCommand.Suspend(marketId, mediaTimeUs));
      }
    }
  }

  @Override
  public void resumed(String streamId, long mediaTimeUs) {
    for (String marketId : marketsOf(streamId)) {
      if (suspendedByStall.remove(marketId)) {
        shard.submit(new EngineCommand.Reopen(marketId));
      }
    }
  }

  @Override
  public void ticked(String streamId, long mediaTimeUs) {
    if (shard.hasPending()) {
      shard.submit(new EngineCommand.ConfirmPending(streamId, mediaTimeUs));
    }
  }

  /** The open markets of one stream (the desk serves every stream of its shard). */
  private java.util.List<String> marketsOf(String streamId) {
    return streamOf.entrySet().stream()
        .filter(e -> e.getValue().equals(streamId))
        .map(Map.Entry::getKey)
        .toList();
  }

  private int[] odds(double[] fair) {
    double[] booked = margin.apply(fair, overround);
    int[] odds = new int[booked.length];
    for (int i = 0; i < booked.length; i++) {
      odds[i] = Odds.ofProbability(Math.min(0.99, booked[i])).decimalBasisPoints();
    }
    return odds;
  }

  private void publish(
      MarketSpec market,
      int[] odds,
      double[] fair,
      MarketState state,
      MarketChangeReason reason,
      String detail,
      long effectiveMediaTimeUs,
      String winner) {
    MarketUpdate.Builder update =
        MarketUpdate.newBuilder()
            .setMarketId(market.marketId())
            .setStreamId(market.streamId())
            .setPriceVersion(versions.getOrDefault(market.marketId(), 0L))
            .setState(state)
            .setReason(reason)
            .setDetail(detail)
            .setEffectiveMediaTimeUs(effectiveMediaTimeUs)
            .setPublishedAtUnixUs(clock.instant().toEpochMilli() * 1000)
            .setWinningSelectionId(winner);
    for (int i = 0; i < odds.length; i++) {
      update.addPrices(
          SelectionPrice.newBuilder()
              .setSelectionId(market.selections().get(i))
              .setDecimalOddsBp(odds[i])
              .setProbabilityPpm((int) Math.round(fair[i] * 1_000_000)));
    }
    updates.accept(update.build());
  }
}
