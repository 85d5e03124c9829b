package dev.slipstream.markets.engine;

import dev.slipstream.wire.v1.BetRejectCode;
import dev.slipstream.wire.v1.BetStatus;
import dev.slipstream.wire.v1.PlaceBet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The single writer of one market shard: every bet command and every market change goes through
 * here in one total order, so a bet is judged against exactly the market state that preceded it.
 * Deterministic: time arrives with each call (a monotonic nanosecond reading for rate limits, the
 * stream's media time for suspensions), so replaying the same calls rebuilds the same state.
 *
 * <p>Not thread-safe by design: one thread (the shard's sequencer) owns it.
 */
public final class BetEngine {
  /** Bets placed this long (media time) before a suspension point count as late. */
  static final long LATE_WINDOW_MICROS = 2_000_000;

  private final Map<String, MarketBook> markets = new HashMap<>();
  private final Map<String, AccountRisk> accounts = new HashMap<>();
  private final StandingBets bets = new StandingBets();
  private final ArrayDeque<StandingBet> pending = new ArrayDeque<>();
  private final AnsweredRequests answered = new AnsweredRequests();
  private final String shard;
  private long nextBet;

  /** A bet that stands: its market, selection, stake, payout and when it was placed. */
  public record StandingBet(
      String betId,
      String requestId,
      String accountId,
      String marketId,
      int selection,
      long stakeMinor,
      long payoutMinor,
      int oddsBp,
      long mediaTimeUs,
      long confirmAtMediaTimeUs) {}

  /**
   * @param shard this shard's name, the prefix of the bet ids it hands out
   */
  public BetEngine(String shard) {
    this.shard = shard;
  }

  /** Opens a market with its first prices. */
  public MarketBook open(
      String marketId,
      String streamId,
      String currency,
      List<String> selectionIds,
      int[] oddsBp,
      RiskLimits limits) {
    if (markets.containsKey(marketId)) {
      throw new IllegalArgumentException("market " + marketId + " is already open on this shard");
    }
    MarketBook book = new MarketBook(marketId, streamId, currency, selectionIds, oddsBp, limits);
    markets.put(marketId, book);
    return book;
  }

  /** Returns a market of this shard. */
  public Optional<MarketBook> market(String marketId) {
    return Optional.ofNullable(markets.get(marketId));
  }

  /** Sets new prices; the version goes up by one. */
  public void reprice(String marketId, int[] oddsBp) {
    book(marketId).reprice(oddsBp);
  }

  /**
   * Suspends a market from {@code mediaTimeUs}, the media time of the deciding moment: bets stamped
   * at or after it are refused even if they arrive later, and those already taken (the analytics
   * reached the engine after the bettor's picture did) are struck off and returned, to be refunded:
   * nobody keeps a bet placed after seeing the moment. Bets placed in the two seconds before it
   * count towards their account's late-bet score.
   */
  public List<BetDecision> suspend(String marketId, long mediaTimeUs) {
    MarketBook book = book(marketId);
    if (book.status() == MarketStatus.OPEN) {
      book.moveTo(MarketStatus.SUSPENDED);
    }
    book.refuseFrom(mediaTimeUs);
    List<BetDecision> struck = new ArrayList<>();
    for (StandingBet bet : standingBets(marketId)) {
      if (bet.mediaTimeUs() >= mediaTimeUs) {
        release(bet.betId());
        struck.add(
            new BetDecision(
                bet.requestId(),
                bet.betId(),
                BetStatus.BET_STATUS_REJECTED,
                BetRejectCode.BET_REJECT_CODE_AFTER_SUSPENSION_POINT,
                "the bet was placed at or after the market's suspension point",
                bet.oddsBp(),
                book.priceVersion(),
                bet.payoutMinor()));
      } else if (mediaTimeUs - bet.mediaTimeUs() <= LATE_WINDOW_MICROS) {
        account(bet.accountId()).lateBets++;
      }
    }
    return struck;
  }

  /** Lifts a suspension that decided nothing; bets are taken again from now. */
  public void reopen(String marketId) {
    MarketBook book = book(marketId);
    book.moveTo(MarketStatus.OPEN);
    book.clearRefusal();
  }

  /** Closes a market to bets for good; it awaits settlement. */
  public void close(String marketId, long mediaTimeUs) {
    MarketBook book = book(marketId);
    book.refuseFrom(mediaTimeUs);
    book.moveTo(MarketStatus.CLOSED);
  }

  /**
   * Marks a closed market settled. Its pending bets are decided first, as their stream's frames
   * would have: a bet whose delay ran out before the suspension point stands and is settled, the
   * rest lapse. The settled bets leave the engine.
   */
  public Settlement settle(String marketId) {
    MarketBook book = book(marketId);
    book.moveTo(MarketStatus.SETTLED);
    List<BetDecision> lapsed = new ArrayList<>();
    Iterator<StandingBet> it = pending.iterator();
    while (it.hasNext()) {
      StandingBet bet = it.next();
      if (bet.marketId().equals(marketId)) {
        it.remove();
        if (book.refuseFromMediaTimeUs() <= bet.confirmAtMediaTimeUs()) {
          release(bet.betId());
          lapsed.add(decision(bet, BetStatus.BET_STATUS_LAPSED, book));
        }
      }
    }
    return new Settlement(removeBets(marketId), lapsed);
  }

  /** Voids a market; returns its standing bets (stakes to return), which leave the engine. */
  public List<StandingBet> voidMarket(String marketId) {
    book(marketId).moveTo(MarketStatus.VOID);
    return removeBets(marketId);
  }

  /** Sets an account's confidence (0–1, scales its stake limit), bet delay and block. */
  public void setAccountRisk(
      String accountId, double confidence, long betDelayMicros, boolean blocked) {
    if (!(confidence >= 0 && confidence <= 1) || betDelayMicros < 0) {
      throw new IllegalArgumentException(
          "confidence must be 0–1 and the delay not negative (were "
              + confidence
              + ", "
              + betDelayMicros
              + ")");
    }
    AccountRisk risk = account(accountId);
    risk.confidence = confidence;
    risk.betDelayMicros = betDelayMicros;
    risk.blocked = blocked;
  }

  /** An account's settings and late-bet record (defaults for an account never seen). */
  public AccountRiskView accountRisk(String accountId) {
    AccountRisk risk = accounts.get(accountId);
    if (risk == null) {
      return new AccountRiskView(1, 0, false, 0, 0, 0);
    }
    return new AccountRiskView(
        risk.confidence,
        risk.betDelayMicros,
        risk.blocked,
        risk.bets,
        risk.lateBets,
        risk.lateBetScore());
  }

  /**
   * An account's late-bet score: the share of its bets placed just before a deciding suspension.
   */
  public double lateBetScore(String accountId) {
    AccountRisk risk = accounts.get(accountId);
    return risk == null ? 0 : risk.lateBetScore();
  }

  /**
   * Decides one bet. A bet that stands changes the market's exposure at once (a pending one too, so
   * the cap holds while it waits); {@link #release} undoes that if the money cannot be held.
   *
   * <p>A request id the account used before gets its first answer again and changes nothing (see
   * {@link #earlierAnswer}); the answers of each account's most recent request ids are kept (the
   * retention is documented on {@code AnsweredRequests}).
   */
  public BetDecision place(PlaceBet bet, long nowNanos) {
    String request = bet.getRequestId();
    if (request.isEmpty() || bet.getAccountId().isEmpty()) {
      return BetDecision.rejected(
          request,
          BetRejectCode.BET_REJECT_CODE_INVALID_REQUEST,
          "a bet needs a request id and an account");
    }
    Optional<BetDecision> earlier = answered.earlier(bet);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    BetDecision decision = decide(bet, nowNanos);
    answered.remember(bet, decision);
    return decision;
  }

  /**
   * The answer this bet's account already got under the bet's request id: the same decision when
   * the request is the same, an {@code IDEMPOTENCY_CONFLICT} refusal when it differs; empty when
   * the request id is new (or older than the account's remembered window). Changes nothing.
   */
  public Optional<BetDecision> earlierAnswer(PlaceBet bet) {
    return answered.earlier(bet);
  }

  private BetDecision decide(PlaceBet bet, long nowNanos) {
    String request = bet.getRequestId();
    MarketBook book = markets.get(bet.getMarketId());
    if (book == null) {
      return BetDecision.rejected(
          request,
          BetRejectCode.BET_REJECT_CODE_UNKNOWN_MARKET,
          "no market " + bet.getMarketId() + " here");
    }
    int selection = book.selectionIndex(bet.getSelectionId());
    if (selection < 0) {
      return BetDecision.rejected(
          request,
          BetRejectCode.BET_REJECT_CODE_UNKNOWN_SELECTION,
          "market " + book.marketId() + " has no selection " + bet.getSelectionId());
    }
    if (!book.currency().equals(bet.getCurrency())) {
      return BetDecision.rejected(
          request,
          BetRejectCode.BET_REJECT_CODE_CURRENCY_MISMATCH,
          "market " + book.marketId() + " takes " + book.currency() + ", not " + bet.getCurrency());
    }
    long stake = bet.getStakeMinor();
    RiskLimits limits = book.limits();
    if (stake < limits.minStakeMinor()) {
      return BetDecision.rejected(
          request,
          BetRejectCode.BET_REJECT_CODE_INVALID_STAKE,
          "the smallest stake is " + limits.minStakeMinor() + " (was " + stake + ")");
    }
    // The most telling refusal first: the bettor's picture already showed the deciding moment
    // (live markets suspend and close at a media time; operators' from now, which no bet reaches).
    if (bet.getMediaTimeUs() >= book.refuseFromMediaTimeUs()) {
      return BetDecision.rejected(
          request,
          BetRejectCode.BET_REJECT_CODE_AFTER_SUSPENSION_POINT,
          "the bet was placed at or after the market's suspension point");
    }
    if (book.status() == MarketStatus.SUSPENDED) {
      return BetDecision.rejected(
          request, BetRejectCode.BET_REJECT_CODE_MARKET_SUSPENDED, "the market is suspended");
    }
    if (!book.status().takesBets()) {
      return BetDecision.rejected(
          request, BetRejectCode.BET_REJECT_CODE_MARKET_CLOSED, "the market is " + book.status());
    }
    AccountRisk risk = account(bet.getAccountId());
    if (risk.blocked) {
      return BetDecision.rejected(
          request, BetRejectCode.BET_REJECT_CODE_ACCOUNT_BLOCKED, "the account may not bet");
    }
    long maxStake = (long) Math.floor(limits.maxStakeMinor() * risk.confidence);
    if (stake > maxStake) {
      return BetDecision.rejected(
          request,
          BetRejectCode.BET_REJECT_CODE_LIMIT_EXCEEDED,
          "the largest stake for this account is " + maxStake + " (was " + stake + ")");
    }
    int odds = book.oddsBp(selection);
    if (bet.getPriceVersionSeen() != book.priceVersion()) {
      boolean noWorse = odds >= bet.getDecimalOddsBpSeen();
      if (!bet.getAcceptBetterOdds() || !noWorse) {
        return BetDecision.rejected(
            request,
            BetRejectCode.BET_REJECT_CODE_STALE_PRICE,
            "the price moved to " + odds / 10_000.0 + " (version " + book.priceVersion() + ")");
      }
    } else if (odds != bet.getDecimalOddsBpSeen()) {
      return BetDecision.rejected(
          request,
          BetRejectCode.BET_REJECT_CODE_INVALID_REQUEST,
          "version "
              + book.priceVersion()
              + " is priced "
              + odds / 10_000.0
              + ", not "
              + bet.getDecimalOddsBpSeen() / 10_000.0);
    }
    long payout;
    try {
      payout = Math.multiplyExact(stake, (long) odds) / 10_000;
    } catch (ArithmeticException e) {
      return BetDecision.rejected(
          request, BetRejectCode.BET_REJECT_CODE_INVALID_STAKE, "the stake is too large");
    }
    if (book.liabilityIfWins(selection) + payout - stake > limits.liabilityCapMinor()) {
      return BetDecision.rejected(
          request,
          BetRejectCode.BET_REJECT_CODE_LIMIT_EXCEEDED,
          "the market cannot take more on " + bet.getSelectionId());
    }
    if (!risk.tryBet(nowNanos, limits)) {
      return BetDecision.rejected(
          request, BetRejectCode.BET_REJECT_CODE_RATE_LIMITED, "too many bets; wait a moment");
    }
    book.take(selection, stake, payout);
    risk.bets++;
    String betId = shard + "-" + (++nextBet);
    long confirmAt = bet.getMediaTimeUs() + risk.betDelayMicros;
    StandingBet standing =
        new StandingBet(
            betId,
            request,
            bet.getAccountId(),
            book.marketId(),
            selection,
            stake,
            payout,
            odds,
            bet.getMediaTimeUs(),
            confirmAt);
    bets.add(standing);
    BetStatus status = BetStatus.BET_STATUS_ACCEPTED;
    if (risk.betDelayMicros > 0) {
      pending.add(standing);
      status = BetStatus.BET_STATUS_PENDING;
    }
    return new BetDecision(
        request,
        betId,
        status,
        BetRejectCode.BET_REJECT_CODE_UNSPECIFIED,
        "",
        odds,
        book.priceVersion(),
        payout);
  }

  /**
   * Decides the pending bets whose delay has run out by {@code mediaTimeUs} (the stream's media
   * time now): confirmed, or lapsed when their market was suspended before they could stand. Lapsed
   * bets leave the engine (their exposure released).
   */
  public List<BetDecision> confirmPending(String streamId, long mediaTimeUs) {
    List<BetDecision> decided = new ArrayList<>();
    Iterator<StandingBet> it = pending.iterator();
    while (it.hasNext()) {
      StandingBet bet = it.next();
      MarketBook book = markets.get(bet.marketId());
      if (book == null || !book.streamId().equals(streamId)) {
        continue;
      }
      boolean overtaken =
          book.refuseFromMediaTimeUs() <= bet.confirmAtMediaTimeUs()
              || !book.status().takesBets() && book.status() != MarketStatus.SUSPENDED;
      if (overtaken) {
        it.remove();
        release(bet.betId());
        decided.add(decision(bet, BetStatus.BET_STATUS_LAPSED, book));
      } else if (mediaTimeUs >= bet.confirmAtMediaTimeUs()) {
        it.remove();
        decided.add(decision(bet, BetStatus.BET_STATUS_ACCEPTED, book));
      }
    }
    return decided;
  }

  /**
   * Cancels a bet at its bettor's request. Only a bet still pending its delay can go: it leaves the
   * engine with its exposure (its stake is to be returned). A bet already accepted stands until its
   * market settles or is voided ({@code NOT_CANCELLABLE}); a bet id that is not an open bet of
   * {@code accountId} is {@code UNKNOWN_BET}, whoever owns it.
   */
  public BetDecision cancel(String betId, String accountId) {
    StandingBet bet = bets.get(betId);
    if (bet == null || !bet.accountId().equals(accountId)) {
      return BetDecision.rejected(
          "", BetRejectCode.BET_REJECT_CODE_UNKNOWN_BET, "no open bet " + betId + " of yours");
    }
    if (!pending.contains(bet)) {
      return BetDecision.rejected(
          bet.requestId(),
          BetRejectCode.BET_REJECT_CODE_NOT_CANCELLABLE,
          "the bet was accepted; it stands until its market settles");
    }
    MarketBook book = book(bet.marketId());
    release(betId);
    return decision(bet, BetStatus.BET_STATUS_CANCELLED, book);
  }

  /** Whether any bet waits out a delay (its stream's frames should confirm or lapse it). */
  public boolean hasPending() {
    return !pending.isEmpty();
  }

  /** Takes a standing bet back out of its market's exposure (its money could not be held). */
  public void release(String betId) {
    release(betId, BetRejectCode.BET_REJECT_CODE_UNSPECIFIED, "");
  }

  /**
   * The same, for a bet refused before it was acknowledged: a retry of its request gets {@code
   * code} and {@code detail} (or, when that refusal decided nothing, such as {@code UNAVAILABLE},
   * is placed afresh). With {@code UNSPECIFIED} the request keeps its first answer.
   */
  public void release(String betId, BetRejectCode code, String detail) {
    StandingBet bet = bets.remove(betId);
    if (bet != null && code != BetRejectCode.BET_REJECT_CODE_UNSPECIFIED) {
      answered.refused(bet.accountId(), bet.requestId(), code, detail);
    }
    if (bet != null) {
      MarketBook book = book(bet.marketId());
      book.release(bet.selection(), bet.stakeMinor(), bet.payoutMinor());
      pending.remove(bet);
    }
  }

  /** A standing bet, by id. */
  public Optional<StandingBet> standingBet(String betId) {
    return Optional.ofNullable(bets.get(betId));
  }

  /** Every standing bet of the shard. */
  public List<StandingBet> allStandingBets() {
    return bets.all();
  }

  /** The bets standing on a market. */
  public List<StandingBet> standingBets(String marketId) {
    return bets.ofMarket(marketId);
  }

  /**
   * A digest of every market's state, the standing bets and the remembered answers to request ids,
   * for journal replay checks.
   */
  public long stateHash() {
    long h = 17;
    for (MarketBook book :
        markets.values().stream()
            .sorted(java.util.Comparator.comparing(MarketBook::marketId))
            .toList()) {
      h = h * 31 + book.stateHash();
    }
    return (h * 31 + bets.size()) * 31 + answered.digest();
  }

  private BetDecision decision(StandingBet bet, BetStatus status, MarketBook book) {
    return new BetDecision(
        bet.requestId(),
        bet.betId(),
        status,
        BetRejectCode.BET_REJECT_CODE_UNSPECIFIED,
        switch (status) {
          case BET_STATUS_LAPSED -> "the market was suspended during the bet delay";
          case BET_STATUS_CANCELLED -> "cancelled by the bettor during the bet delay";
          default -> "";
        },
        bet.oddsBp(),
        book.priceVersion(),
        bet.payoutMinor());
  }

  private List<StandingBet> removeBets(String marketId) {
    pending.removeIf(b -> b.marketId().equals(marketId));
    return bets.removeMarket(marketId);
  }

  private MarketBook book(String marketId) {
    MarketBook book = markets.get(marketId);
    if (book == null) {
      throw new IllegalArgumentException("no market " + marketId + " on this shard");
    }
    return book;
  }

  private AccountRisk account(String accountId) {
    return accounts.computeIfAbsent(accountId, id -> new AccountRisk());
  }
}
