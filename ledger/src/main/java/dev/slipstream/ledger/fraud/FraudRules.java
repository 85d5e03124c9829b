package dev.slipstream.ledger.fraud;

import java.time.Duration;

/**
 * The thresholds of the fraud rules.
 *
 * @param depositsPerHour more deposits than this in a rolling hour raise {@link
 *     FraudRule#DEPOSIT_VELOCITY}, 1 or more
 * @param betsPerMinute more bets than this in a rolling minute raise {@link
 *     FraudRule#BET_VELOCITY}, 1 or more
 * @param accountsPerDevice this many accounts or more on one device raise {@link
 *     FraudRule#SHARED_DEVICE}, 2 or more
 * @param accountsPerAddress this many accounts or more from one address raise {@link
 *     FraudRule#SHARED_ADDRESS}, 2 or more
 * @param sharingWindow how far back devices and addresses are compared, 1 hour to 365 days
 */
public record FraudRules(
    int depositsPerHour,
    int betsPerMinute,
    int accountsPerDevice,
    int accountsPerAddress,
    Duration sharingWindow) {

  /** Validates the thresholds, naming the one that is wrong. */
  public FraudRules {
    atLeast("depositsPerHour", depositsPerHour, 1);
    atLeast("betsPerMinute", betsPerMinute, 1);
    atLeast("accountsPerDevice", accountsPerDevice, 2);
    atLeast("accountsPerAddress", accountsPerAddress, 2);
    if (sharingWindow == null
        || sharingWindow.compareTo(Duration.ofHours(1)) < 0
        || sharingWindow.compareTo(Duration.ofDays(365)) > 0) {
      throw new IllegalArgumentException(
          "fraud sharingWindow must be 1 hour to 365 days (was " + sharingWindow + ")");
    }
  }

  /**
   * Returns the defaults: more than 5 deposits an hour or 60 bets a minute, 3 accounts on one
   * device or 5 on one address within 30 days.
   */
  public static FraudRules defaults() {
    return new FraudRules(5, 60, 3, 5, Duration.ofDays(30));
  }

  private static void atLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(
          "fraud " + name + " must be " + min + " or more (was " + value + ")");
    }
  }
}
