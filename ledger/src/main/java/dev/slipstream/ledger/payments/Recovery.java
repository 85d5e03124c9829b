package dev.slipstream.ledger.payments;

/**
 * How a chargeback of {@code amount} is recovered from a wallet with {@code available} money: all
 * of it transferred back when the wallet has it, otherwise what is there held and the rest a
 * shortfall.
 *
 * @param recovered moved back by a transfer
 * @param held reserved by a hold
 * @param shortfall not covered
 */
record Recovery(long recovered, long held, long shortfall) {

  static Recovery of(long amount, long available) {
    if (available >= amount) {
      return new Recovery(amount, 0, 0);
    }
    long held = Math.max(0, available);
    return new Recovery(0, held, amount - held);
  }
}
