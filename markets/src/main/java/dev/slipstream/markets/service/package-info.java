/**
 * Markets and bets as people see them: every market and accepted bet kept in PostgreSQL, bets
 * placed over REST with idempotency keys, settlement with stored evidence (the measured series and
 * thumbnails around the deciding moment), operators' actions and corrections with an audit trail.
 * {@link dev.slipstream.markets.service.MarketService} is the API; the rest is package-private.
 */
@NullMarked
package dev.slipstream.markets.service;

import org.jspecify.annotations.NullMarked;
