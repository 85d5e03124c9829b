package dev.slipstream.gateway.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipstream.ledger.Transfer;
import dev.slipstream.ledger.fraud.FraudFlag;
import dev.slipstream.ledger.limits.Exclusion;
import dev.slipstream.ledger.limits.PlayerLimit;
import dev.slipstream.ledger.payments.PaymentIntent;
import dev.slipstream.ledger.payments.Withdrawal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of the money routes; amounts are integer minor units. */
public final class MoneyViews {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MoneyViews() {}

  /** One line of a wallet's history: what it did to the wallet's balance. */
  public record TransactionView(
      String id,
      String kind,
      long amountMinor,
      String currency,
      @Nullable String holdId,
      @Nullable String reference,
      Instant createdAt) {
    /** The view of {@code t} as it changed {@code walletId}. */
    public static TransactionView of(Transfer t, long walletId) {
      return new TransactionView(
          Long.toString(t.id()),
          t.kind().name().toLowerCase(Locale.ROOT),
          t.changeFor(walletId),
          t.currency(),
          t.holdId() == null ? null : Long.toString(t.holdId()),
          t.metadata(),
          t.createdAt());
    }
  }

  /** A page of a wallet's history, newest first. */
  public record TransactionPage(List<TransactionView> items, @Nullable String nextCursor) {}

  /** A deposit. */
  public record DepositView(
      String id,
      String state,
      long amountMinor,
      String currency,
      String paymentMethod,
      @Nullable String failureReason,
      Instant createdAt,
      Instant updatedAt) {
    /** The view of {@code i}. */
    public static DepositView of(PaymentIntent i) {
      return new DepositView(
          Long.toString(i.id()),
          i.state().name().toLowerCase(Locale.ROOT),
          i.amount(),
          i.currency(),
          i.paymentMethod(),
          i.failureReason(),
          i.createdAt(),
          i.updatedAt());
    }
  }

  /** A withdrawal. */
  public record WithdrawalView(
      String id,
      String state,
      String walletAccountId,
      long amountMinor,
      String currency,
      String destination,
      @Nullable String reviewedBy,
      @Nullable String failureReason,
      Instant createdAt,
      Instant updatedAt) {
    /** The view of {@code w}. */
    public static WithdrawalView of(Withdrawal w) {
      return new WithdrawalView(
          Long.toString(w.id()),
          w.state().name().toLowerCase(Locale.ROOT),
          Long.toString(w.walletAccountId()),
          w.amount(),
          w.currency(),
          w.destination(),
          w.reviewedBy(),
          w.failureReason(),
          w.createdAt(),
          w.updatedAt());
    }
  }

  /** One limit: in force, and any raise or removal waiting out its cooling-off. */
  public record LimitView(
      String kind,
      String period,
      @Nullable Long amountMinor,
      @Nullable Long pendingAmountMinor,
      boolean pendingRemoval,
      @Nullable Instant pendingFrom) {
    /** The view of {@code l}. */
    public static LimitView of(PlayerLimit l) {
      return new LimitView(
          l.kind().name().toLowerCase(Locale.ROOT),
          l.period().name().toLowerCase(Locale.ROOT),
          l.amount().isPresent() ? l.amount().getAsLong() : null,
          l.pendingAmount().isPresent() ? l.pendingAmount().getAsLong() : null,
          l.pendingRemoval(),
          l.pendingFrom());
    }
  }

  /** A break in force. */
  public record ExclusionView(String kind, @Nullable Instant until) {
    /** The view of {@code e}. */
    public static ExclusionView of(Exclusion e) {
      return new ExclusionView(e.selfExclusion() ? "self_exclusion" : "time_out", e.until());
    }
  }

  /** A player's limits and break. */
  public record LimitsView(List<LimitView> limits, @Nullable ExclusionView exclusion) {}

  /** A fraud flag with its evidence as JSON. */
  public record FlagView(
      String id, String rule, String subject, JsonNode evidence, Instant raisedAt) {
    /** The view of {@code f}. */
    public static FlagView of(FraudFlag f) {
      return new FlagView(
          Long.toString(f.id()),
          f.rule().wireName(),
          f.subject(),
          json(f.evidence()),
          f.raisedAt());
    }
  }

  /** A page of fraud flags, newest first. */
  public record FlagPageView(List<FlagView> items, @Nullable String nextCursor) {}

  /** Parses JSON the database produced. */
  public static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
