package dev.slipstream.ledger.payments;

import dev.slipstream.platform.InvalidInputException;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * What the platform asks a provider to do: charge a payment method (a deposit) or pay out to one (a
 * withdrawal). The provider treats two orders under one idempotency key as one payment when their
 * contents match and refuses the second when they differ.
 *
 * @param amount positive, in minor units of {@code currency}
 * @param currency ISO 4217 code
 * @param paymentMethod the provider's token for the card or account, e.g. {@code tok_visa}
 * @param idempotencyKey the platform's key for this payment, 1 to 128 characters
 */
public record PaymentOrder(
    long amount, String currency, String paymentMethod, String idempotencyKey) {
  /** The longest payment-method token accepted. */
  public static final int MAX_METHOD_LENGTH = 64;

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern TOKEN =
      Pattern.compile("[A-Za-z0-9_\\-]{1," + MAX_METHOD_LENGTH + "}");

  /**
   * Validates the order.
   *
   * @throws InvalidInputException {@code invalid_amount}, {@code invalid_currency}, {@code
   *     invalid_payment_method} or {@code invalid_idempotency_key}
   */
  public PaymentOrder {
    amount(amount);
    currency(currency);
    paymentMethod(paymentMethod);
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 128) {
      throw new InvalidInputException(
          "invalid_idempotency_key",
          "idempotency key must be 1 to 128 characters (was " + idempotencyKey + ")");
    }
  }

  static void amount(long amount) {
    if (amount <= 0) {
      throw new InvalidInputException(
          "invalid_amount",
          "amount must be a positive whole number of minor units (was " + amount + ")");
    }
  }

  static void currency(String code) {
    boolean known = code != null && CURRENCY.matcher(code).matches();
    if (known) {
      try {
        Currency.getInstance(code);
      } catch (IllegalArgumentException e) {
        known = false;
      }
    }
    if (!known) {
      throw new InvalidInputException(
          "invalid_currency",
          "currency must be an ISO 4217 code in capitals such as EUR (was " + code + ")");
    }
  }

  static void paymentMethod(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      throw new InvalidInputException(
          "invalid_payment_method",
          "payment method must be a provider token of 1 to "
              + MAX_METHOD_LENGTH
              + " letters, digits, '_' or '-' (was "
              + token
              + ")");
    }
  }
}
