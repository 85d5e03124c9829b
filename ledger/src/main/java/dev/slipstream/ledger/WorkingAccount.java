package dev.slipstream.ledger;

import org.jspecify.annotations.Nullable;

/**
 * An account row as one batch read it, changed in memory as the batch's requests are decided in
 * order and written back once at the end, on condition that its version is still {@link
 * #readVersion}.
 */
final class WorkingAccount {
  final long id;
  final String currency;
  final boolean allowNegative;
  final long readVersion;
  long balance;
  long held;
  long version;
  @Nullable Long lastTransferId;
  BatchPlan.@Nullable TransferDraft lastTransfer;
  boolean changed;

  WorkingAccount(
      long id,
      String currency,
      boolean allowNegative,
      long balance,
      long held,
      long version,
      @Nullable Long lastTransferId) {
    this.id = id;
    this.currency = currency;
    this.allowNegative = allowNegative;
    this.balance = balance;
    this.held = held;
    this.version = version;
    this.readVersion = version;
    this.lastTransferId = lastTransferId;
  }

  boolean canSpend(long amount) {
    return allowNegative || balance - held >= amount;
  }

  long available() {
    return balance - held;
  }

  void move(long balanceChange, long heldChange, BatchPlan.@Nullable TransferDraft transfer) {
    balance = Math.addExact(balance, balanceChange);
    held = Math.addExact(held, heldChange);
    version++;
    if (transfer != null) {
      lastTransfer = transfer;
    }
    changed = true;
  }

  @Nullable Long lastTransferIdAfterWrite() {
    return lastTransfer != null ? Long.valueOf(lastTransfer.id) : lastTransferId;
  }
}
