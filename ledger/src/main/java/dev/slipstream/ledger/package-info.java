/**
 * The double-entry ledger: accounts in integer minor units, idempotent transfers, two-phase holds,
 * wallet queries and reconciliation, on PostgreSQL with the money invariants enforced by the
 * database itself. Writes go through one group-committing writer per process.
 */
@NullMarked
package dev.slipstream.ledger;

import org.jspecify.annotations.NullMarked;
