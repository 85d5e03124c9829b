package dev.slipstream.ledger;

import dev.slipstream.wire.v1.WalletUpdate;
import org.jspecify.annotations.Nullable;

/**
 * One account as it stands: its balance, the part of it held for open bets and withdrawals, and a
 * version that grows with every change.
 *
 * @param id the account's id
 * @param kind what the account is for
 * @param ownerRef whose it is: a player id, a market id, or a system name
 * @param currency its ISO 4217 currency
 * @param balance money in the account in minor units, held money included
 * @param held money reserved by pending holds, in minor units
 * @param allowNegative whether the balance may go below zero (system accounts only)
 * @param version grows by one with every transfer, hold or release that touches the account
 * @param lastTransferId the last transfer that changed the balance, if any
 */
public record Account(
    long id,
    AccountKind kind,
    String ownerRef,
    String currency,
    long balance,
    long held,
    boolean allowNegative,
    long version,
    @Nullable Long lastTransferId) {

  /** Returns the money that can be staked or withdrawn now: balance less held. */
  public long available() {
    return balance - held;
  }

  /** Returns this account as the wallet update the wire sends to its owner. */
  public WalletUpdate toWalletUpdate() {
    return WalletUpdate.newBuilder()
        .setAccountId(Long.toString(id))
        .setCurrency(currency)
        .setBalanceMinor(balance)
        .setAvailableMinor(available())
        .setHeldMinor(held)
        .setLastTransferId(lastTransferId == null ? "" : Long.toString(lastTransferId))
        .setVersion(version)
        .build();
  }
}
