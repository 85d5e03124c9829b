package dev.slipstream.ledger.audit;

import java.time.Instant;

/**
 * One line of the audit log.
 *
 * @param id its id, growing with time
 * @param at when it happened
 * @param actor who did it: a user id, {@code ledger} for money the ledger moved, or {@code system}
 * @param action what was done, e.g. {@code withdrawal.approved} or {@code money.transfer}
 * @param subject what it was done to, e.g. {@code user:usr_…}, {@code account:42}
 * @param details the particulars, a JSON object
 */
public record AuditEntry(
    long id, Instant at, String actor, String action, String subject, String details) {}
