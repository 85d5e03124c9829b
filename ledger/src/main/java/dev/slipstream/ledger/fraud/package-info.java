/**
 * Fraud signals: rules over deposits, bets, devices, network addresses and chargebacks that raise
 * flags with their evidence for operators to look at. Flags inform people; they do not block money
 * by themselves.
 */
@NullMarked
package dev.slipstream.ledger.fraud;

import org.jspecify.annotations.NullMarked;
