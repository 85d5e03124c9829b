/**
 * Responsible gambling: players' limits on deposits, losses and stakes, their time-outs and
 * self-exclusions, and the checks deposits and bets pass before any money moves.
 */
@NullMarked
package dev.slipstream.ledger.limits;

import org.jspecify.annotations.NullMarked;
