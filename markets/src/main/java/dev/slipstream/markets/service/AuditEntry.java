package dev.slipstream.markets.service;

import java.time.Instant;

/**
 * One line of a market's audit trail: a state change or an operator's action.
 *
 * @param at when
 * @param actor who: {@code analytics}, {@code system} or the operator's user id
 * @param action what, e.g. {@code suspended}, {@code settled}, {@code corrected}
 * @param detail why and what changed, in a sentence
 */
public record AuditEntry(Instant at, String actor, String action, String detail) {}
