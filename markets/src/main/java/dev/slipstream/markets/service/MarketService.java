package dev.slipstream.markets.service;

import dev.slipstream.ledger.Ledger;
import dev.slipstream.markets.engine.AccountRiskView;
import dev.slipstream.markets.engine.BetDecision;
import dev.slipstream.markets.live.MarketEvents;
import dev.slipstream.markets.sequencer.BetSequencer;
import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.wire.v1.BetRejectCode;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.BetStatus;
import dev.slipstream.wire.v1.MarketUpdate;
import dev.slipstream.wire.v1.PlaceBet;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Markets and bets that persist: every market the desk opens or an operator makes is kept with its
 * state and how it ended, every accepted bet (over the socket or REST) is one row whose state
 * follows its shard, REST bets are answered once per idempotency key, decided markets keep their
 * evidence, and operators suspend, resume, void, settle and correct with an audit trail. Money
 * moves only through the shard (holds, posts, payouts, releases) and, for corrections, through
 * compensating ledger transfers.
 */
public final class MarketService implements AutoCloseable {
  private static final List<String> LIVE_STATES = List.of("OPEN", "SUSPENDED");
  private static final List<String> ALL_STATES =
      List.of("OPEN", "SUSPENDED", "CLOSED", "SETTLED", "VOID");

  private final MarketStore markets;
  private final BetStore bets;
  private final EvidenceStore evidence;
  private final BetRecorder recorder;
  private final BetSequencer shard;
  private final InstantSource clock;
  private final LiveRecording live;
  private final MarketOperators operators;
  private volatile Consumer<SettledBet> settledListener = s -> {};

  private MarketService(
      DataSource db,
      BetSequencer shard,
      Ledger ledger,
      long houseAccountId,
      String currency,
      InstantSource clock,
      EvidenceFrames frames,
      Consumer<MarketUpdate> publish) {
    this.markets = new MarketStore(db);
    this.bets = new BetStore(db);
    this.evidence = new EvidenceStore(db);
    this.shard = shard;
    this.clock = clock;
    this.recorder =
        new BetRecorder(
            db,
            clock,
            wallet -> ledger.findAccount(wallet).map(a -> a.ownerRef()).orElse("wallet:" + wallet),
            bet -> settledListener.accept(bet));
    shard.onBetClosed(recorder);
    this.live = new LiveRecording(markets, evidence, frames, publish, currency, clock);
    this.operators =
        new MarketOperators(
            markets,
            bets,
            evidence,
            shard,
            ledger,
            houseAccountId,
            currency,
            live,
            clock,
            bet -> settledListener.accept(bet));
  }

  /**
   * Starts the service over {@code shard}'s bets; the database must have {@link
   * BetSequencer#MIGRATION} applied.
   *
   * @param houseAccountId the ledger account corrections pay from and reclaim to
   * @param currency the currency markets take bets in
   * @param frames where settlement finds thumbnails of the deciding moment
   * @param publish where market updates go (the stream's market topic)
   */
  public static MarketService start(
      DataSource db,
      BetSequencer shard,
      Ledger ledger,
      long houseAccountId,
      String currency,
      InstantSource clock,
      EvidenceFrames frames,
      Consumer<MarketUpdate> publish) {
    MarketService service =
        new MarketService(db, shard, ledger, houseAccountId, currency, clock, frames, publish);
    service.operators.scheduleCloses();
    return service;
  }

  /**
   * Voids (stakes returned) every market the analytics opened and had not decided before this
   * process started: the generators that ran them are gone. Call it once at start, before the
   * generators run; returns how many were voided.
   */
  public int voidUndecidedLiveMarkets() {
    return operators.voidUndecided("the server restarted before the analytics decided the market");
  }

  /** Tells {@code listener} each time one of a bettor's bets is settled, voided or corrected. */
  public void onSettled(Consumer<SettledBet> listener) {
    this.settledListener = listener;
  }

  // --- the desk's side

  /**
   * Wraps the desk's market events so every market it opens is stored, every decision keeps its
   * evidence and ends the market's row, and markets an operator holds or finished are left alone.
   */
  public MarketEvents recording(MarketEvents desk) {
    return live.around(desk, operators);
  }

  /** The desk's market updates: prices remembered, state changes stored, then published. */
  public Consumer<MarketUpdate> updates() {
    return live::update;
  }

  // --- bets

  /**
   * Places a bet from the live socket: the shard decides, and an accepted bet's row is written
   * after the answer (its owner is the wallet's).
   */
  public CompletableFuture<BetResult> place(PlaceBet bet) {
    return shard
        .place(bet)
        .thenApply(
            result -> {
              if (stands(result)) {
                recorder.accepted(accepted(bet, result, ""));
              }
              return result;
            });
  }

  /**
   * Places a bet asked for over REST under an idempotency key: the same key with the same request
   * gets the first answer again, with another request a {@code ConflictException} ({@code
   * idempotency_conflict}). The answer comes once the bet's row is stored.
   */
  public BetAnswer placeBet(String userId, long walletId, String key, BetRequest request) {
    String fingerprint = request.fingerprint();
    Optional<BetStore.Claim> earlier = bets.claim(userId, key, fingerprint, clock.instant());
    if (earlier.isPresent()) {
      return replay(earlier.get(), fingerprint);
    }
    PlaceBet bet = wireBet(userId, walletId, key, request);
    BetResult result;
    try {
      if (markets.find(request.marketId()).isEmpty()) {
        return refuse(userId, key, "unknown_market", "no market " + request.marketId());
      }
      result = shard.place(bet).join();
    } catch (RuntimeException e) {
      // Nothing was decided: the same key may try again.
      bets.release(userId, key);
      throw e;
    }
    if (stands(result)) {
      // The bet stands from here on: its key keeps answering with it, even if this request fails.
      bets.answer(userId, key, result.getBetId(), null, null);
      recorder.accepted(accepted(bet, result, userId)).join();
      return new BetAnswer.Placed(bets.find(result.getBetId()).orElseThrow(), false);
    }
    String code = code(result.getRejectCode());
    if (result.getRejectCode() == BetRejectCode.BET_REJECT_CODE_UNAVAILABLE
        || result.getRejectCode() == BetRejectCode.BET_REJECT_CODE_RATE_LIMITED) {
      bets.release(userId, key);
      return new BetAnswer.Refused(code, result.getRejectDetail(), false);
    }
    return refuse(userId, key, code, result.getRejectDetail());
  }

  private static PlaceBet wireBet(String userId, long walletId, String key, BetRequest request) {
    return PlaceBet.newBuilder()
        .setRequestId(userId + "/rest/" + key)
        .setAccountId(Long.toString(walletId))
        .setMarketId(request.marketId())
        .setSelectionId(request.selectionId())
        .setStakeMinor(request.stakeMinor())
        .setCurrency(request.currency())
        .setPriceVersionSeen(request.priceVersion())
        .setDecimalOddsBpSeen(request.decimalOddsBp())
        .setMediaTimeUs(request.mediaTimeUs())
        .setAcceptBetterOdds(request.acceptBetterOdds())
        .build();
  }

  private BetAnswer refuse(String userId, String key, String code, String detail) {
    bets.answer(userId, key, null, code, detail);
    return new BetAnswer.Refused(code, detail, false);
  }

  private BetAnswer replay(BetStore.Claim claim, String fingerprint) {
    if (!claim.fingerprint().equals(fingerprint)) {
      throw new ConflictException(
          "idempotency_conflict",
          "this Idempotency-Key was used for a different bet; use a new key for a new bet");
    }
    if (!claim.answered()) {
      throw new ConflictException(
          "idempotency_conflict", "a bet with this Idempotency-Key is still being placed");
    }
    String betId = claim.betId();
    if (betId != null) {
      BetView bet =
          bets.find(betId)
              .or(
                  () -> {
                    recorder.flushed().join();
                    return bets.find(betId);
                  })
              .orElseThrow(
                  () ->
                      new ConflictException(
                          "idempotency_conflict",
                          "the bet under this Idempotency-Key is still being recorded; retry"));
      return new BetAnswer.Placed(bet, true);
    }
    return new BetAnswer.Refused(
        String.valueOf(claim.code()), String.valueOf(claim.detail()), true);
  }

  /**
   * A bettor's bets, newest first: {@code filter} {@code open}, {@code settled} or {@code all}.
   *
   * @throws InvalidInputException {@code invalid_state} or {@code invalid_cursor}
   */
  public BetPage bets(String userId, String filter, @Nullable String cursor, int limit) {
    List<String> states =
        switch (filter) {
          case "open" -> List.of("PENDING", "OPEN");
          case "settled" -> List.of("WON", "LOST", "VOID", "CANCELLED");
          case "all" -> List.of("PENDING", "OPEN", "WON", "LOST", "VOID", "CANCELLED");
          default ->
              throw new InvalidInputException(
                  "invalid_state", "state must be open, settled or all (was " + filter + ")");
        };
    Instant beforeAt = null;
    String beforeId = null;
    if (cursor != null) {
      int cut = cursor.indexOf('_');
      try {
        beforeAt = Instant.EPOCH.plusNanos(Long.parseLong(cursor.substring(0, cut)) * 1000);
        beforeId = cursor.substring(cut + 1);
      } catch (RuntimeException e) {
        throw new InvalidInputException("invalid_cursor", "the cursor is not one this API gave");
      }
    }
    List<BetView> page = bets.ofUser(userId, states, beforeAt, beforeId, limit + 1);
    String next = null;
    if (page.size() > limit) {
      page = page.subList(0, limit);
      BetView last = page.getLast();
      long micros =
          last.placedAt().getEpochSecond() * 1_000_000 + last.placedAt().getNano() / 1_000;
      next = micros + "_" + last.id();
    }
    return new BetPage(page, next);
  }

  /**
   * Cancels one of a bettor's bets while it is pending its bet delay; returns the bet, now {@code
   * CANCELLED} with its stake on its way back. {@code walletId} is the bettor's wallet.
   *
   * @throws dev.slipstream.platform.NotFoundException {@code bet_not_found} for a bet that is not
   *     the bettor's
   * @throws ConflictException {@code not_cancellable} for a bet already accepted or ended
   */
  public BetView cancelBet(String userId, long walletId, String betId) {
    BetView bet =
        bet(userId, betId)
            .orElseThrow(
                () ->
                    new dev.slipstream.platform.NotFoundException(
                        "bet_not_found", "no bet " + betId + " of yours"));
    if (!bet.state().equals("PENDING")) {
      throw new ConflictException(
          "not_cancellable",
          "the bet is " + bet.state().toLowerCase(Locale.ROOT) + "; only a pending bet can go");
    }
    BetDecision decision = shard.cancel(betId, Long.toString(walletId)).join();
    if (decision.status() != BetStatus.BET_STATUS_CANCELLED) {
      throw new ConflictException("not_cancellable", decision.detail());
    }
    recorder.flushed().join();
    return bets.find(betId).orElseThrow();
  }

  /** The longest bet delay an operator may set. */
  public static final long MAX_BET_DELAY_MICROS = 60_000_000;

  /** A bettor's risk settings and late-bet record, by their wallet. */
  public AccountRiskView accountRisk(long walletId) {
    return shard.accountRisk(Long.toString(walletId));
  }

  /**
   * Sets a bettor's risk settings (journaled with the bets, so kept across restarts): {@code
   * confidence} 0–1 scales every market's largest stake for them, {@code betDelayMicros} (up to
   * {@link #MAX_BET_DELAY_MICROS}) makes their bets wait as pending, confirmed by the stream's
   * frames or lapsed if the market is suspended first, and {@code blocked} refuses their bets.
   *
   * @throws InvalidInputException {@code invalid_confidence} or {@code invalid_bet_delay}
   */
  public AccountRiskView setAccountRisk(
      long walletId, double confidence, long betDelayMicros, boolean blocked) {
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new InvalidInputException(
          "invalid_confidence", "confidence must be 0 to 1 (was " + confidence + ")");
    }
    if (betDelayMicros < 0 || betDelayMicros > MAX_BET_DELAY_MICROS) {
      throw new InvalidInputException(
          "invalid_bet_delay",
          "the bet delay must be 0 to "
              + MAX_BET_DELAY_MICROS / 1000
              + " ms (was "
              + betDelayMicros / 1000
              + " ms)");
    }
    shard.setAccountRisk(Long.toString(walletId), confidence, betDelayMicros, blocked).join();
    return accountRisk(walletId);
  }

  /** One of a bettor's bets. */
  public Optional<BetView> bet(String userId, String betId) {
    return bets.find(betId).filter(b -> b.userId().equals(userId));
  }

  // --- markets

  /** A stream's markets: open and suspended ones, or all (newest first, at most 200). */
  public List<MarketView> streamMarkets(String streamId, boolean all) {
    return markets.ofStream(streamId, all ? ALL_STATES : LIVE_STATES).stream()
        .map(live::view)
        .toList();
  }

  public Optional<MarketView> market(String marketId) {
    return markets.find(marketId).map(live::view);
  }

  public Optional<EvidenceView> evidence(String marketId) {
    return evidence.find(marketId);
  }

  /** The JPEG of evidence frame {@code index} (0–3) of a market. */
  public Optional<byte[]> evidenceFrame(String marketId, int index) {
    return evidence.jpeg(marketId, index);
  }

  // --- operators

  /** Makes a market by hand; it takes bets at once and closes after {@code closesInS}. */
  public MarketView create(String actor, NewMarket market) {
    return operators.create(actor, market);
  }

  /** Stops a market taking bets until resumed. */
  public MarketView suspend(String actor, String marketId, String reason) {
    return operators.suspend(actor, marketId, reason);
  }

  /** Lets an operator-suspended market take bets again. */
  public MarketView resume(String actor, String marketId) {
    return operators.resume(actor, marketId);
  }

  /** Voids a market: every stake goes back. */
  public MarketView voidMarket(String actor, String marketId, String reason) {
    return operators.voidMarket(actor, marketId, reason);
  }

  /**
   * Settles a market with {@code winningSelectionId}, or, when it is settled already, corrects it:
   * each bet whose result changes gets a compensating transfer, written to the audit trail.
   */
  public MarketView settle(
      String actor, String marketId, String winningSelectionId, String reason) {
    return operators.settle(actor, marketId, winningSelectionId, reason);
  }

  /** Markets with their books, filtered by stream and state when given. */
  public List<OperatorMarket> operatorMarkets(@Nullable String streamId, @Nullable String state) {
    if (state != null && !ALL_STATES.contains(state)) {
      throw new InvalidInputException(
          "invalid_state", "state must be one of " + ALL_STATES + " (was " + state + ")");
    }
    return markets.forOperators(streamId, state).stream()
        .map(
            row -> {
              BetStore.Exposure e = bets.exposure(row.marketId());
              return new OperatorMarket(
                  live.view(row), e.exposureMinor(), e.betCount(), e.handleMinor());
            })
        .toList();
  }

  /** A market's audit trail, oldest first. */
  public List<AuditEntry> audit(String marketId) {
    return markets.auditOf(marketId);
  }

  /** Completes once every bet row change queued so far is written (for tests and shutdown). */
  public CompletableFuture<Void> flushed() {
    return recorder.flushed();
  }

  private BetRecorder.Accepted accepted(PlaceBet bet, BetResult result, String userId) {
    long payout =
        Math.multiplyExact(bet.getStakeMinor(), (long) result.getAcceptedOddsBp()) / 10_000;
    return new BetRecorder.Accepted(
        result.getBetId(),
        userId,
        Long.parseLong(bet.getAccountId()),
        bet.getMarketId(),
        bet.getSelectionId(),
        bet.getStakeMinor(),
        bet.getCurrency(),
        result.getAcceptedOddsBp(),
        payout,
        result.getAcceptedPriceVersion(),
        bet.getMediaTimeUs(),
        clock.instant(),
        result.getStatus() == BetStatus.BET_STATUS_PENDING);
  }

  private static boolean stands(BetResult result) {
    return result.getStatus() == BetStatus.BET_STATUS_ACCEPTED
        || result.getStatus() == BetStatus.BET_STATUS_PENDING;
  }

  /**
   * A reject code as the API names it: {@code BET_REJECT_CODE_STALE_PRICE} → {@code stale_price}.
   */
  public static String code(BetRejectCode code) {
    return code.name().substring("BET_REJECT_CODE_".length()).toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() {
    operators.close();
    live.close();
    recorder.close();
  }
}
