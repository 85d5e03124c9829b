/**
 * The audit log: an append-only record of every money movement (written by the database itself when
 * the ledger moves money) and every operator, admin and account-erasure action.
 */
@NullMarked
package dev.slipstream.ledger.audit;

import org.jspecify.annotations.NullMarked;
