package dev.slipstream.gateway.wallet;

import dev.slipstream.gateway.privacy.PiiCipher;
import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.audit.AuditLog;
import dev.slipstream.ledger.fraud.FraudSignals;
import dev.slipstream.ledger.limits.PlayerLimits;
import dev.slipstream.ledger.payments.Payments;
import java.util.Objects;

/**
 * The money side the gateway serves over REST: wallets in the ledger, payments through the
 * provider, players' limits, fraud signals and the audit log, handed over by the composition root.
 *
 * @param ledger wallets and their history
 * @param payments deposits, withdrawals and the provider's webhooks
 * @param limits players' limits and breaks, checked before a deposit
 * @param fraud sightings and flags
 * @param audit the append-only audit log operator actions and erasures are written to
 * @param fingerprints makes the keyed fingerprints of device ids and IP addresses
 * @param currency the wallets' currency, e.g. {@code EUR}
 * @param provider the name of the provider's webhook route, e.g. {@code sandbox}
 */
public record MoneyServices(
    Ledger ledger,
    Payments payments,
    PlayerLimits limits,
    FraudSignals fraud,
    AuditLog audit,
    PiiCipher fingerprints,
    String currency,
    String provider) {
  /** Checks nothing is missing. */
  public MoneyServices {
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(payments, "payments");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(fraud, "fraud");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(fingerprints, "fingerprints");
    Objects.requireNonNull(currency, "currency");
    if (provider == null || !provider.matches("[a-z0-9_-]{1,32}")) {
      throw new IllegalArgumentException("provider must be 1 to 32 of a-z, 0-9, '_', '-'");
    }
  }

  /** Returns the user's wallet, opened empty on first use. */
  public Account wallet(String userId) {
    return ledger.openAccount(AccountKind.PLAYER_WALLET, userId, currency);
  }
}
