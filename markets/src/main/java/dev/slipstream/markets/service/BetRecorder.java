package dev.slipstream.markets.service;

import dev.slipstream.markets.sequencer.BetClosedListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes bet rows off the bet path: accepted bets and how they ended arrive in the shard's order
 * and go to PostgreSQL in batches (one transaction per batch) on one thread, so a burst of bets
 * over the socket costs a few commits, not one each. An ending that arrives before its bet's row
 * (the market settled while the bet's acknowledgement was still on its way) is kept and applied
 * when the row comes. Each change of a bet that ends tells the bettor through {@code settled}.
 */
final class BetRecorder implements BetClosedListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BetRecorder.class);
  private static final int BATCH = 512;
  private static final int EARLY_ENDINGS = 10_000;

  /** An accepted bet, before its owner is known when it came over the socket. */
  record Accepted(
      String betId,
      String userId,
      long walletId,
      String marketId,
      String selectionId,
      long stakeMinor,
      String currency,
      int oddsBp,
      long payoutMinor,
      long priceVersion,
      long mediaTimeUs,
      Instant placedAt,
      boolean pending) {}

  private record Confirmed(String betId, Instant at) {}

  private record Ended(String betId, Ending ending, long payoutMinor, Instant at) {}

  private record Op(Object change, CompletableFuture<Void> done) {}

  private final DataSource db;
  private final InstantSource clock;
  private final LongFunction<String> ownerOfWallet;
  private final Consumer<SettledBet> settled;
  private final BlockingQueue<Op> queue = new LinkedBlockingQueue<>();
  private final Map<String, Ended> early = new LinkedHashMap<>();
  private final Map<String, Confirmed> earlyConfirmations = new LinkedHashMap<>();
  private final Map<Long, String> owners = new LinkedHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  BetRecorder(
      DataSource db,
      InstantSource clock,
      LongFunction<String> ownerOfWallet,
      Consumer<SettledBet> settled) {
    this.db = db;
    this.clock = clock;
    this.ownerOfWallet = ownerOfWallet;
    this.settled = settled;
    this.thread = new Thread(this::run, "bet-recorder");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Records an accepted bet; the future completes once its row is committed. */
  CompletableFuture<Void> accepted(Accepted bet) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    queue.add(new Op(bet, done));
    return done;
  }

  @Override
  public void closed(String betId, Ending ending, long payoutMinor) {
    queue.add(
        new Op(new Ended(betId, ending, payoutMinor, clock.instant()), new CompletableFuture<>()));
  }

  @Override
  public void confirmed(String betId) {
    queue.add(new Op(new Confirmed(betId, clock.instant()), new CompletableFuture<>()));
  }

  /** Completes once everything queued before it is written. */
  CompletableFuture<Void> flushed() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    queue.add(new Op("flush", done));
    return done;
  }

  private void run() {
    List<Op> batch = new ArrayList<>();
    while (running || !queue.isEmpty()) {
      try {
        Op first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("bet rows: a batch failed: {}", e.toString(), e);
        batch.forEach(op -> op.done().completeExceptionally(e));
      }
      batch.clear();
    }
  }

  private void write(List<Op> batch) {
    List<SettledBet> news = new ArrayList<>();
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement(INSERT);
          PreparedStatement end = c.prepareStatement(END);
          PreparedStatement confirm = c.prepareStatement(CONFIRM)) {
        for (Op op : batch) {
          switch (op.change()) {
            case Accepted a -> {
              insert(insert, a);
              Confirmed confirmation = earlyConfirmations.remove(a.betId());
              if (confirmation != null) {
                confirm(confirm, confirmation, news);
              }
              Ended waiting = early.remove(a.betId());
              if (waiting != null) {
                end(end, waiting, news);
              }
            }
            case Confirmed confirmation -> {
              if (!confirm(confirm, confirmation, news)) {
                earlyConfirmations.put(confirmation.betId(), confirmation);
                if (earlyConfirmations.size() > EARLY_ENDINGS) {
                  earlyConfirmations.remove(earlyConfirmations.keySet().iterator().next());
                }
              }
            }
            case Ended e -> {
              if (!end(end, e, news)) {
                remember(e);
              }
            }
            default -> {}
          }
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("bet rows: " + e.getMessage(), e);
    }
    batch.forEach(op -> op.done().complete(null));
    for (SettledBet bet : news) {
      try {
        settled.accept(bet);
      } catch (RuntimeException e) {
        log.warn("bet {}: telling its bettor failed: {}", bet.betId(), e.toString());
      }
    }
  }

  private static final String INSERT =
      "INSERT INTO markets.bets (bet_id, user_id, wallet_id, market_id, selection_id,"
          + " stake_minor, currency, odds_bp, potential_payout_minor, price_version, media_time_us,"
          + " state, placed_at) SELECT ?,?,?,?,?,?,?,?,?,?,?,?,?"
          + " WHERE EXISTS (SELECT 1 FROM markets.markets WHERE market_id = ?)"
          + " ON CONFLICT DO NOTHING";

  private static final String END =
      "UPDATE markets.bets b SET state = ?,"
          + " payout_minor = CASE WHEN ? IN ('VOID', 'CANCELLED') THEN b.stake_minor ELSE ? END,"
          + " settled_at = ? WHERE b.bet_id = ? AND b.state IN ('PENDING', 'OPEN')"
          + " RETURNING b.user_id, b.market_id, b.payout_minor, b.currency,"
          + " EXISTS (SELECT 1 FROM markets.evidence e WHERE e.market_id = b.market_id)";

  private static final String CONFIRM =
      "UPDATE markets.bets b SET state = 'OPEN' WHERE b.bet_id = ? AND b.state = 'PENDING'"
          + " RETURNING b.user_id, b.market_id, b.currency";

  /** A pending bet stands from now on; false when its row is not written yet. */
  private boolean confirm(PreparedStatement s, Confirmed c, List<SettledBet> news)
      throws SQLException {
    s.setString(1, c.betId());
    try (ResultSet r = s.executeQuery()) {
      if (!r.next()) {
        return false;
      }
      news.add(
          new SettledBet(
              r.getString(1), c.betId(), r.getString(2), "OPEN", 0, r.getString(3), c.at(), false));
      return true;
    }
  }

  private void insert(PreparedStatement s, Accepted a) throws SQLException {
    String user = a.userId().isEmpty() ? owner(a.walletId()) : a.userId();
    s.setString(1, a.betId());
    s.setString(2, user);
    s.setLong(3, a.walletId());
    s.setString(4, a.marketId());
    s.setString(5, a.selectionId());
    s.setLong(6, a.stakeMinor());
    s.setString(7, a.currency());
    s.setInt(8, a.oddsBp());
    s.setLong(9, a.payoutMinor());
    s.setLong(10, a.priceVersion());
    s.setLong(11, a.mediaTimeUs());
    s.setString(12, a.pending() ? "PENDING" : "OPEN");
    s.setTimestamp(13, Timestamp.from(a.placedAt()));
    s.setString(14, a.marketId());
    s.executeUpdate();
  }

  /** Ends a bet's row; false when there is no open row for it (yet). */
  private boolean end(PreparedStatement s, Ended e, List<SettledBet> news) throws SQLException {
    s.setString(1, e.ending().name());
    s.setString(2, e.ending().name());
    s.setLong(3, e.payoutMinor());
    s.setTimestamp(4, Timestamp.from(e.at()));
    s.setString(5, e.betId());
    try (ResultSet r = s.executeQuery()) {
      if (!r.next()) {
        return false;
      }
      news.add(
          new SettledBet(
              r.getString(1),
              e.betId(),
              r.getString(2),
              e.ending().name(),
              r.getLong(3),
              r.getString(4),
              e.at(),
              r.getBoolean(5)));
      return true;
    }
  }

  private void remember(Ended e) {
    early.put(e.betId(), e);
    if (early.size() > EARLY_ENDINGS) {
      early.remove(early.keySet().iterator().next());
    }
  }

  private String owner(long walletId) {
    return owners.computeIfAbsent(walletId, ownerOfWallet::apply);
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
