package dev.slipstream.gateway.wallet;

import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.fraud.SightingEvent;
import dev.slipstream.ledger.payments.PaymentIntent;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A player's deposit through the payment provider, the one path REST and GraphQL share: a new
 * deposit is checked against the player's break and deposit limits before the provider is asked,
 * written to the audit log and recorded as a sighting; a retry under the same idempotency key is
 * answered with the deposit it started and checks, records and pays nothing again.
 */
public final class Deposits {
  private final MoneyServices money;
  private final Sightings sightings;

  /** Deposits through {@code money}, sightings recorded through {@code sightings}. */
  public Deposits(MoneyServices money, Sightings sightings) {
    this.money = money;
    this.sightings = sightings;
  }

  /**
   * What a deposit request got.
   *
   * @param intent the deposit, new or the one the key started before
   * @param replay whether the key had started it before
   */
  public record Started(PaymentIntent intent, boolean replay) {}

  /**
   * Starts (or, for a key seen before, finds) a deposit of {@code amountMinor} into {@code
   * userId}'s wallet.
   *
   * @param currency the currency, or null for the wallets' currency
   * @param device the client's device id (already checked), or null
   * @param address the caller's network address
   * @throws dev.slipstream.platform.RejectedException {@code invalid_amount}, {@code
   *     invalid_currency}, {@code invalid_payment_method}, a limit's or a break's code
   */
  public Started deposit(
      String userId,
      UUID key,
      @Nullable Long amountMinor,
      @Nullable String currency,
      String paymentMethod,
      @Nullable String device,
      String address) {
    long amount = Requests.amount(amountMinor);
    String inCurrency = currency == null ? money.currency() : currency;
    Account wallet = money.wallet(userId);
    Optional<PaymentIntent> earlier = money.payments().findDeposit(key);
    if (earlier.isEmpty()) {
      // A retry of a deposit already taken is not a new deposit, so only new ones are checked.
      money.limits().checkDeposit(wallet.id(), amount);
    }
    PaymentIntent intent =
        money.payments().deposit(wallet.id(), amount, inCurrency, paymentMethod, key);
    if (earlier.isEmpty()) {
      money
          .audit()
          .record(
              userId,
              "deposit.requested",
              "account:" + wallet.id(),
              Map.of("depositId", intent.id(), "amount", amount, "currency", inCurrency));
      sightings.record(userId, SightingEvent.DEPOSIT, device, address);
    }
    return new Started(intent, earlier.isPresent());
  }

  /**
   * Parses a deposit's idempotency key.
   *
   * @throws dev.slipstream.platform.InvalidInputException {@code missing_idempotency_key} or {@code
   *     invalid_idempotency_key} (it must be a UUID)
   */
  public static UUID key(@Nullable String raw) {
    return Requests.idempotencyKey(raw);
  }
}
