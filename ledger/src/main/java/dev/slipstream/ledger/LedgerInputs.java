package dev.slipstream.ledger;

import dev.slipstream.platform.InvalidInputException;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The checks every request shares, each failing with its own code and one sentence. */
final class LedgerInputs {
  static final int MAX_METADATA_LENGTH = 512;
  static final int MAX_OWNER_LENGTH = 128;
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private LedgerInputs() {}

  static String currency(@Nullable String code) {
    if (code == null || !CURRENCY.matcher(code).matches() || !isIso4217(code)) {
      throw new InvalidInputException(
          "invalid_currency",
          "currency must be an ISO 4217 code in capitals such as EUR (was " + code + ")");
    }
    return code;
  }

  private static boolean isIso4217(String code) {
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static void amount(long amount) {
    if (amount <= 0) {
      throw new InvalidInputException(
          "invalid_amount",
          "amount must be a positive whole number of minor units (was " + amount + ")");
    }
  }

  static void twoAccounts(long debitAccountId, long creditAccountId) {
    if (debitAccountId == creditAccountId) {
      throw new InvalidInputException(
          "same_account",
          "debit and credit account must differ (both were " + debitAccountId + ")");
    }
  }

  static @Nullable String metadata(@Nullable String metadata) {
    if (metadata != null && metadata.length() > MAX_METADATA_LENGTH) {
      throw new InvalidInputException(
          "invalid_metadata",
          "metadata must be at most "
              + MAX_METADATA_LENGTH
              + " characters (was "
              + metadata.length()
              + ")");
    }
    return metadata;
  }

  static String owner(@Nullable String owner) {
    if (owner == null || owner.isBlank() || owner.length() > MAX_OWNER_LENGTH) {
      throw new InvalidInputException(
          "invalid_owner",
          "account owner must be 1 to " + MAX_OWNER_LENGTH + " characters (was " + owner + ")");
    }
    return owner;
  }

  static <T> T present(@Nullable T value, String name) {
    if (value == null) {
      throw new InvalidInputException("missing_" + name, name + " is required");
    }
    return Objects.requireNonNull(value);
  }
}
