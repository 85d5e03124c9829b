package dev.slipstream.markets.sequencer;

import dev.slipstream.ledger.Hold;
import dev.slipstream.ledger.HoldRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The shard's floats (money it reserved on wallets in the ledger, {@code FloatDraws}) and the bets
 * waiting for one. A wallet has at most one active float; a new one retires the old, which is given
 * back (voided) once every stake drawn from it has been drained into the ledger, never before, so
 * the ledger always holds what the shard promised. Bets of one wallet are covered in their order:
 * while one waits for a float, the wallet's later bets wait behind it. Used by the journal's writer
 * thread only.
 */
final class ShardFloats {
  /** One float: its hold, what is left to spend, and its draws not yet in the ledger. */
  static final class Float {
    final long holdId;
    final java.util.UUID idempotencyId;
    final long wallet;
    final long reserved;
    final long createdNanos;
    long remaining;
    int undrained;
    boolean retired;
    long lastUsedNanos;

    Float(long holdId, java.util.UUID idempotencyId, long wallet, long remaining, long nowNanos) {
      this.holdId = holdId;
      this.idempotencyId = idempotencyId;
      this.wallet = wallet;
      this.reserved = remaining;
      this.remaining = remaining;
      this.createdNanos = nowNanos;
      this.lastUsedNanos = nowNanos;
    }

    /** Whether so little is left that the next float should be asked for now. */
    boolean low() {
      return remaining < reserved / 4;
    }

    /** Whether the ledger may be asked to void what is left. */
    boolean releasable() {
      return retired && undrained == 0;
    }
  }

  /** A bet whose stake waits for a float on its wallet. */
  record Waiting(HoldRequest stake, StakeEntry entry) {}

  private final Map<Long, Float> active = new HashMap<>();
  private final Map<Long, Float> byHoldId = new HashMap<>();
  private final Map<Long, ArrayDeque<Waiting>> waiting = new HashMap<>();
  private final Map<Long, Long> screenedUntil = new HashMap<>();
  private final java.util.Set<Long> asking = new java.util.HashSet<>();

  /** Marks a float as asked for on the wallet; false when one is asked for already. */
  boolean ask(long wallet) {
    return asking.add(wallet);
  }

  /** The wallet's float request was answered. */
  void answered(long wallet) {
    asking.remove(wallet);
  }

  /**
   * Spends {@code amount} from the wallet's active float and returns the float, or null when the
   * wallet has none that covers it or bets of the wallet wait already.
   */
  @Nullable Float spend(long wallet, long amount, long nowNanos) {
    Float f = active.get(wallet);
    if (f == null || f.remaining < amount || waiting.containsKey(wallet)) {
      return null;
    }
    return spendFrom(f, amount, nowNanos);
  }

  /**
   * Spends from the wallet's active float for the first waiting bet, if it covers it; returns the
   * bet and its float, or null.
   */
  @Nullable Covered coverFirstWaiting(long wallet, long nowNanos) {
    ArrayDeque<Waiting> queue = waiting.get(wallet);
    Float f = active.get(wallet);
    if (queue == null || f == null || f.remaining < queue.peekFirst().stake().amount()) {
      return null;
    }
    Waiting next = takeFirstWaiting(wallet);
    return new Covered(next, spendFrom(f, next.stake().amount(), nowNanos));
  }

  /** A waiting bet and the float that now covers it. */
  record Covered(Waiting bet, Float from) {}

  private static Float spendFrom(Float f, long amount, long nowNanos) {
    f.remaining -= amount;
    f.undrained++;
    f.lastUsedNanos = nowNanos;
    return f;
  }

  /** Parks a bet behind the wallet's other waiting ones. */
  void park(Waiting bet) {
    waiting.computeIfAbsent(bet.stake().debitAccountId(), w -> new ArrayDeque<>()).addLast(bet);
  }

  /** The wallet's first waiting bet, or null. */
  @Nullable Waiting firstWaiting(long wallet) {
    ArrayDeque<Waiting> queue = waiting.get(wallet);
    return queue == null ? null : queue.peekFirst();
  }

  /** Takes the wallet's first waiting bet off its queue. */
  Waiting takeFirstWaiting(long wallet) {
    ArrayDeque<Waiting> queue = waiting.get(wallet);
    Waiting first = queue.removeFirst();
    if (queue.isEmpty()) {
      waiting.remove(wallet);
    }
    return first;
  }

  /** Takes every bet waiting on the wallet. */
  List<Waiting> takeAllWaiting(long wallet) {
    ArrayDeque<Waiting> queue = waiting.remove(wallet);
    return queue == null ? List.of() : new ArrayList<>(queue);
  }

  /** Whether bets wait or float requests are unanswered: the writer must stay for them. */
  boolean anyOutstanding() {
    return !waiting.isEmpty() || !asking.isEmpty();
  }

  /**
   * A new float on its wallet becomes the active one; returns the float it retired when that one
   * can be given back at once.
   */
  @Nullable Float added(Hold floatHold, long nowNanos) {
    Float fresh =
        new Float(
            floatHold.id(),
            floatHold.idempotencyId(),
            floatHold.debitAccountId(),
            floatHold.amount(),
            nowNanos);
    byHoldId.put(fresh.holdId, fresh);
    Float old = active.put(fresh.wallet, fresh);
    return old == null ? null : retire(old);
  }

  /** Marks a wallet's stakes as taking the checked path until {@code untilNanos}. */
  @Nullable Float screen(long wallet, long untilNanos) {
    screenedUntil.put(wallet, untilNanos);
    Float old = active.remove(wallet);
    return old == null ? null : retire(old);
  }

  boolean screened(long wallet, long nowNanos) {
    Long until = screenedUntil.get(wallet);
    if (until == null) {
      return false;
    }
    if (until - nowNanos > 0) {
      return true;
    }
    screenedUntil.remove(wallet);
    return false;
  }

  /** Counts {@code count} draws of a float as drained; returns it when it can now be given back. */
  @Nullable Float drained(long holdId, int count) {
    Float f = byHoldId.get(holdId);
    if (f == null) {
      return null;
    }
    f.undrained -= count;
    return given(f);
  }

  /**
   * Retires floats unused since {@code idleSinceNanos} or made before {@code madeBeforeNanos} (a
   * float must go back long before the ledger would expire it, however busy its wallet); returns
   * those that can be given back now. A wallet with bets waiting keeps its float.
   */
  List<Float> retireIdleOrOld(long idleSinceNanos, long madeBeforeNanos) {
    List<Float> releasable = new ArrayList<>();
    for (Iterator<Float> it = active.values().iterator(); it.hasNext(); ) {
      Float f = it.next();
      boolean idle = f.lastUsedNanos - idleSinceNanos < 0;
      boolean old = f.createdNanos - madeBeforeNanos < 0;
      if ((idle || old) && !waiting.containsKey(f.wallet)) {
        it.remove();
        Float done = retire(f);
        if (done != null) {
          releasable.add(done);
        }
      }
    }
    return releasable;
  }

  /** Retires every float; returns those that can be given back now (all, once drained). */
  List<Float> retireAll() {
    List<Float> releasable = new ArrayList<>();
    for (Float f : List.copyOf(active.values())) {
      active.remove(f.wallet);
      Float done = retire(f);
      if (done != null) {
        releasable.add(done);
      }
    }
    return releasable;
  }

  /** Floats still held in the ledger (active, or retired with draws not drained). */
  int held() {
    return byHoldId.size();
  }

  private @Nullable Float retire(Float f) {
    f.retired = true;
    return given(f);
  }

  private @Nullable Float given(Float f) {
    if (!f.releasable()) {
      return null;
    }
    byHoldId.remove(f.holdId);
    return f;
  }
}
