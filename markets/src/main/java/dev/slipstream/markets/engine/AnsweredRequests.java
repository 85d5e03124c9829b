package dev.slipstream.markets.engine;

import dev.slipstream.wire.v1.BetRejectCode;
import dev.slipstream.wire.v1.PlaceBet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The answers the engine gave to bet requests, by account and request id, so a retried request gets
 * its first answer again instead of becoming a second bet.
 *
 * <p>Retention: each account keeps the answers to its {@value #WINDOW} most recent request ids (the
 * oldest is forgotten when a newer one arrives), so memory is bounded per account whatever it
 * sends; a retry older than that is placed as a new request. Requests refused as {@code
 * RATE_LIMITED} or {@code UNAVAILABLE} are not kept: nothing was decided, the same id may try again
 * (as the REST Idempotency-Key does). Everything here follows from the journaled commands, so a
 * journal replay rebuilds it. Owned by the engine's thread.
 */
final class AnsweredRequests {
  /** Request ids remembered per account. */
  static final int WINDOW = 1_024;

  private final Map<String, Window> accounts = new HashMap<>();

  /**
   * What a request was answered, and a fingerprint of what it asked ({@link #fingerprint}): a whole
   * {@code PlaceBet} per remembered request, with its strings, was most of what a standing bet kept
   * alive.
   */
  record Answer(long fingerprint, BetDecision decision) {}

  /**
   * The first answer to this request's id from its account: the same decision when the contents
   * match, an {@code IDEMPOTENCY_CONFLICT} refusal when they differ; empty when the id is new.
   */
  Optional<BetDecision> earlier(PlaceBet bet) {
    Window window = accounts.get(bet.getAccountId());
    Answer answer = window == null ? null : window.get(bet.getRequestId());
    if (answer == null) {
      return Optional.empty();
    }
    if (answer.fingerprint() != fingerprint(bet)) {
      return Optional.of(
          BetDecision.rejectedFor(
              bet.getRequestId(),
              BetRejectCode.BET_REJECT_CODE_IDEMPOTENCY_CONFLICT,
              "request id "
                  + bet.getRequestId()
                  + " was used for a different bet; use a new request id for a new bet"));
    }
    return Optional.of(answer.decision());
  }

  /** Remembers the answer to a new request, unless it decided nothing. */
  void remember(PlaceBet bet, BetDecision decision) {
    if (decidedNothing(decision.rejectCode())) {
      return;
    }
    accounts
        .computeIfAbsent(bet.getAccountId(), a -> new Window())
        .put(bet.getRequestId(), new Answer(fingerprint(bet), decision));
  }

  /**
   * Rewrites the answer to a request whose bet was taken back before it was acknowledged (its stake
   * could not be held): the retry gets the refusal the first request got; a refusal that decided
   * nothing forgets the request so it may try again.
   */
  void refused(String accountId, String requestId, BetRejectCode code, String detail) {
    Window window = accounts.get(accountId);
    Answer answer = window == null ? null : window.get(requestId);
    if (answer == null) {
      return;
    }
    if (decidedNothing(code)) {
      window.remove(requestId);
      if (window.isEmpty()) {
        accounts.remove(accountId);
      }
    } else {
      window.put(
          requestId,
          new Answer(answer.fingerprint(), BetDecision.rejectedFor(requestId, code, detail)));
    }
  }

  /** A digest of every remembered answer, for journal replay checks. */
  long digest() {
    long sum = 0;
    for (Map.Entry<String, Window> account : accounts.entrySet()) {
      long h = account.getKey().hashCode();
      for (Answer answer : account.getValue().values()) {
        BetDecision d = answer.decision();
        h = h * 31 + d.requestId().hashCode();
        h = h * 31 + d.betId().hashCode();
        h = h * 31 + d.status().getNumber();
        h = h * 31 + d.rejectCode().getNumber();
      }
      sum += h;
    }
    return sum;
  }

  /**
   * A 64-bit digest of everything a bet request asks besides its keys (account and request id): two
   * requests with the same id and different contents differ here but for a chance of about 2^-64.
   * Every field of {@code PlaceBet} other than the keys must be in it ({@code AnsweredRequestsTest}
   * changes each field in turn).
   */
  static long fingerprint(PlaceBet bet) {
    long h = 0x6A09E667F3BCC909L;
    h = mix(h, bet.getMarketId());
    h = mix(h, bet.getSelectionId());
    h = mix(h, bet.getCurrency());
    h = mix(h, bet.getStakeMinor());
    h = mix(h, bet.getPriceVersionSeen());
    h = mix(h, bet.getDecimalOddsBpSeen());
    h = mix(h, bet.getMediaTimeUs());
    h = mix(h, bet.getAcceptBetterOdds() ? 1 : 0);
    return h;
  }

  private static long mix(long h, String text) {
    long x = h;
    for (int i = 0; i < text.length(); i++) {
      x = (x ^ text.charAt(i)) * 0x100000001B3L;
    }
    return mix(x, text.length());
  }

  /** One step of SplitMix64's finaliser over the running digest and a value. */
  private static long mix(long h, long value) {
    long z = h + value * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static boolean decidedNothing(BetRejectCode code) {
    return code == BetRejectCode.BET_REJECT_CODE_RATE_LIMITED
        || code == BetRejectCode.BET_REJECT_CODE_UNAVAILABLE;
  }

  /** One account's recent request ids, oldest first. */
  private static final class Window extends LinkedHashMap<String, Answer> {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
      return size() > WINDOW;
    }
  }
}
