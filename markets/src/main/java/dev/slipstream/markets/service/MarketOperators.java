package dev.slipstream.markets.service;

import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.TransferKind;
import dev.slipstream.ledger.TransferRequest;
import dev.slipstream.markets.engine.EngineCommand;
import dev.slipstream.markets.engine.RiskLimits;
import dev.slipstream.markets.sequencer.BetSequencer;
import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.NotFoundException;
import dev.slipstream.platform.RejectedException;
import dev.slipstream.wire.v1.MarketChangeReason;
import dev.slipstream.wire.v1.MarketState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What operators do to markets: make them by hand, suspend, resume, void, settle and correct. Every
 * action goes through the shard (so it takes its place in the bets' total order), is stored,
 * published on the stream's market topic and written to the market's audit trail with who, when and
 * why. A correction of a settled market moves money by compensating transfers between the house and
 * each bettor whose result changed.
 */
final class MarketOperators {
  private static final Logger log = LoggerFactory.getLogger(MarketOperators.class);

  /** An operator's suspension strikes no bet already taken: it applies from the end of time. */
  private static final long FROM_NOW = Long.MAX_VALUE;

  private final MarketStore markets;
  private final BetStore bets;
  private final EvidenceStore evidence;
  private final BetSequencer shard;
  private final Ledger ledger;
  private final long houseAccountId;
  private final String currency;
  private final LiveRecording live;
  private final InstantSource clock;
  private final Consumer<SettledBet> corrected;
  private final ScheduledExecutorService closes =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "operator-market-closes");
            t.setDaemon(true);
            return t;
          });

  MarketOperators(
      MarketStore markets,
      BetStore bets,
      EvidenceStore evidence,
      BetSequencer shard,
      Ledger ledger,
      long houseAccountId,
      String currency,
      LiveRecording live,
      InstantSource clock,
      Consumer<SettledBet> corrected) {
    this.markets = markets;
    this.bets = bets;
    this.evidence = evidence;
    this.shard = shard;
    this.ledger = ledger;
    this.houseAccountId = houseAccountId;
    this.currency = currency;
    this.live = live;
    this.clock = clock;
    this.corrected = corrected;
  }

  MarketView create(String actor, NewMarket spec) {
    String id = "op-" + UUID.randomUUID().toString().substring(0, 13);
    List<String> ids = new ArrayList<>();
    int[] odds = new int[spec.oddsBp().size()];
    int[] ppm = new int[odds.length];
    for (int i = 0; i < odds.length; i++) {
      ids.add("s" + (i + 1));
      odds[i] = spec.oddsBp().get(i);
      ppm[i] = (int) Math.round(1e10 / odds[i]);
    }
    Instant now = clock.instant();
    Instant closesAt = now.plusSeconds(spec.closesInS());
    MarketRow row =
        new MarketRow(
            id,
            spec.streamId(),
            "OPERATOR",
            spec.title(),
            "OPEN",
            currency,
            0,
            0,
            0,
            ids,
            spec.selectionNames(),
            odds,
            ppm,
            1,
            "OPERATOR",
            "made by an operator",
            null,
            null,
            null,
            closesAt,
            false);
    markets.insert(row, now);
    onShard(new EngineCommand.Open(id, spec.streamId(), currency, ids, odds, RiskLimits.DEFAULTS));
    markets.audit(id, actor, "created", spec.title() + " (closes at " + closesAt + ")", now);
    live.publishState(
        row,
        MarketState.MARKET_STATE_OPEN,
        MarketChangeReason.MARKET_CHANGE_REASON_OPENED,
        spec.title(),
        null);
    scheduleClose(id, closesAt);
    return live.view(row);
  }

  MarketView suspend(String actor, String marketId, String reason) {
    String why = text(reason);
    MarketRow row = find(marketId);
    if (!row.state().equals("OPEN")) {
      throw new ConflictException(
          "market_not_open", "market " + marketId + " is " + row.state() + ", not OPEN");
    }
    live.held.add(marketId);
    onShard(new EngineCommand.Suspend(marketId, FROM_NOW));
    return changed(row, actor, "SUSPENDED", "suspended", why, MarketState.MARKET_STATE_SUSPENDED);
  }

  MarketView resume(String actor, String marketId) {
    MarketRow row = find(marketId);
    if (!row.state().equals("SUSPENDED")) {
      throw new ConflictException(
          "market_not_suspended", "market " + marketId + " is " + row.state() + ", not SUSPENDED");
    }
    onShard(new EngineCommand.Reopen(marketId));
    live.held.remove(marketId);
    return changed(
        row, actor, "OPEN", "resumed", "resumed by an operator", MarketState.MARKET_STATE_OPEN);
  }

  /** Suspends again, on the shard, a market an operator holds (after the desk lifted a stall). */
  void hold(String marketId) {
    try {
      onShard(new EngineCommand.Suspend(marketId, FROM_NOW));
    } catch (RejectedException e) {
      log.warn("market {}: could not keep it suspended: {}", marketId, e.getMessage());
    }
  }

  MarketView voidMarket(String actor, String marketId, String reason) {
    String why = text(reason);
    MarketRow row = find(marketId);
    if (row.finished()) {
      throw new ConflictException(
          "market_finished",
          "market "
              + marketId
              + " is "
              + row.state()
              + "; a settled market is corrected by"
              + " settling it again");
    }
    live.finished.add(marketId);
    live.held.remove(marketId);
    onShard(new EngineCommand.Void(marketId));
    Instant now = clock.instant();
    markets.finish(marketId, null, "OPERATOR", why, now);
    markets.audit(marketId, actor, "voided", why + "; stakes returned", now);
    live.forget(marketId);
    live.publishState(
        row,
        MarketState.MARKET_STATE_VOID,
        MarketChangeReason.MARKET_CHANGE_REASON_OPERATOR,
        why,
        null);
    return view(marketId);
  }

  MarketView settle(String actor, String marketId, String winner, String reason) {
    String why = text(reason);
    MarketRow row = find(marketId);
    int index = row.selectionIndex(winner);
    if (index < 0) {
      throw new InvalidInputException(
          "unknown_selection", "market " + marketId + " has no selection " + winner);
    }
    if (row.state().equals("VOID")) {
      throw new ConflictException("market_finished", "market " + marketId + " is VOID");
    }
    if (row.state().equals("SETTLED")) {
      return correct(actor, row, winner, why);
    }
    live.finished.add(marketId);
    live.held.remove(marketId);
    if (!row.state().equals("CLOSED")) {
      onShard(new EngineCommand.Close(marketId, FROM_NOW));
    }
    onShard(new EngineCommand.Settle(marketId, index));
    Instant now = clock.instant();
    markets.finish(marketId, winner, "OPERATOR", why, now);
    markets.audit(marketId, actor, "settled", why + "; winner " + winner, now);
    live.forget(marketId);
    live.publishState(
        row,
        MarketState.MARKET_STATE_SETTLED,
        MarketChangeReason.MARKET_CHANGE_REASON_OPERATOR,
        why,
        winner);
    return view(marketId);
  }

  /**
   * Re-settles a settled market: each bet whose result changes is corrected by a transfer of the
   * difference (house to bettor when it now wins, bettor to house when it now loses) and a
   * correction row; a reclaim the bettor's wallet cannot cover is recorded as unrecovered.
   */
  private MarketView correct(String actor, MarketRow row, String winner, String why) {
    if (winner.equals(row.winner())) {
      throw new ConflictException(
          "already_settled", "market " + row.marketId() + " is already settled with " + winner);
    }
    Instant now = clock.instant();
    int changed = 0;
    long net = 0;
    List<SettledBet> news = new ArrayList<>();
    for (BetStore.Money bet : bets.moneyOf(row.marketId())) {
      if (!bet.state().equals("WON") && !bet.state().equals("LOST")) {
        continue;
      }
      boolean wins = bet.selectionId().equals(winner);
      String to = wins ? "WON" : "LOST";
      if (to.equals(bet.state())) {
        continue;
      }
      long toPayout = wins ? bet.potentialPayoutMinor() : 0;
      long delta = toPayout - bet.payoutMinor();
      String outcome = transfer(bet, delta, winner, now);
      bets.correct(bet, to, toPayout, delta, outcome, actor, why, now);
      changed++;
      net += delta;
      news.add(
          new SettledBet(
              bet.userId(),
              bet.betId(),
              row.marketId(),
              to,
              toPayout,
              bet.currency(),
              now,
              row.hasEvidence()));
    }
    markets.finish(row.marketId(), winner, "OPERATOR", why, now);
    if (row.hasEvidence()) {
      evidence.winner(row.marketId(), winner);
    }
    markets.audit(
        row.marketId(),
        actor,
        "resettled",
        why
            + "; winner "
            + row.winner()
            + " -> "
            + winner
            + "; "
            + changed
            + " bets corrected, net "
            + net
            + " "
            + currency
            + " minor units to bettors",
        now);
    live.publishState(
        row,
        MarketState.MARKET_STATE_SETTLED,
        MarketChangeReason.MARKET_CHANGE_REASON_OPERATOR,
        why,
        winner);
    news.forEach(corrected);
    return view(row.marketId());
  }

  private String transfer(BetStore.Money bet, long delta, String winner, Instant at) {
    if (delta == 0) {
      return "no_transfer";
    }
    UUID id =
        UUID.nameUUIDFromBytes(
            (bet.betId() + "/correction/" + winner + "/" + at.toEpochMilli())
                .getBytes(StandardCharsets.UTF_8));
    boolean pay = delta > 0;
    try {
      ledger.transfer(
          new TransferRequest(
              id,
              pay ? houseAccountId : bet.walletId(),
              pay ? bet.walletId() : houseAccountId,
              Math.abs(delta),
              bet.currency(),
              TransferKind.ADJUSTMENT,
              "bet:" + bet.betId() + " correction"));
      return pay ? "paid" : "reclaimed";
    } catch (ConflictException e) {
      log.warn("bet {}: correction of {} not recovered: {}", bet.betId(), delta, e.getMessage());
      return "unrecovered: " + e.code();
    }
  }

  /**
   * Voids the markets the analytics opened but had not decided when the process stopped: their
   * generators are gone, so nothing would ever settle them, and their stakes go back.
   */
  int voidUndecided(String why) {
    int voided = 0;
    for (MarketRow row : markets.undecidedFromAnalytics()) {
      try {
        onShard(new EngineCommand.Void(row.marketId()));
      } catch (ConflictException e) {
        log.warn("market {}: the bet engine has no book of it: {}", row.marketId(), e.getMessage());
      }
      Instant now = clock.instant();
      markets.finish(row.marketId(), null, "STREAM_INTERRUPTED", why, now);
      markets.audit(row.marketId(), "system", "voided", why + "; stakes returned", now);
      live.publishState(
          row,
          MarketState.MARKET_STATE_VOID,
          MarketChangeReason.MARKET_CHANGE_REASON_STREAM_INTERRUPTED,
          why,
          null);
      voided++;
    }
    return voided;
  }

  /** Closes operator markets on time, also those made before a restart. */
  void scheduleCloses() {
    for (MarketRow row : markets.closingLater()) {
      if (row.closesAt() != null) {
        scheduleClose(row.marketId(), row.closesAt());
      }
    }
  }

  private void scheduleClose(String marketId, Instant at) {
    long delay = Math.max(0, at.toEpochMilli() - clock.instant().toEpochMilli());
    closes.schedule(() -> closeNow(marketId), delay, TimeUnit.MILLISECONDS);
  }

  private void closeNow(String marketId) {
    try {
      MarketRow row = find(marketId);
      if (row.state().equals("OPEN") || row.state().equals("SUSPENDED")) {
        onShard(new EngineCommand.Close(marketId, FROM_NOW));
        live.held.remove(marketId);
        changed(
            row,
            "system",
            "CLOSED",
            "closed",
            "the market's time ran out",
            MarketState.MARKET_STATE_CLOSED);
      }
    } catch (RuntimeException e) {
      log.warn("market {}: could not close it on time: {}", marketId, e.toString());
    }
  }

  private MarketView changed(
      MarketRow row, String actor, String state, String action, String why, MarketState wire) {
    Instant now = clock.instant();
    markets.move(row.marketId(), state, "OPERATOR", why, null, now);
    markets.audit(row.marketId(), actor, action, why, now);
    live.publishState(row, wire, MarketChangeReason.MARKET_CHANGE_REASON_OPERATOR, why, null);
    return view(row.marketId());
  }

  private void onShard(EngineCommand command) {
    try {
      shard.submit(command).join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new ConflictException(
          "market_unavailable", "the bet engine refused: " + cause.getMessage());
    }
  }

  private MarketRow find(String marketId) {
    return markets
        .find(marketId)
        .orElseThrow(() -> new NotFoundException("market_not_found", "no market " + marketId));
  }

  private MarketView view(String marketId) {
    return live.view(find(marketId));
  }

  private static String text(String reason) {
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw new InvalidInputException("invalid_reason", "a reason of 1–500 characters is required");
    }
    return reason.strip();
  }

  void close() {
    closes.shutdownNow();
  }
}
