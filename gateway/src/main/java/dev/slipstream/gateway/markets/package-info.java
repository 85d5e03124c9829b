/**
 * Markets, bets and evidence over REST: viewers read markets and their evidence, bettors place and
 * list bets with idempotency keys, operators make, suspend, resume, void, settle and correct
 * markets and read their books and audit trails ({@code /work/notes/markets-api.md} is the contract
 * the web app builds against).
 */
@NullMarked
package dev.slipstream.gateway.markets;

import org.jspecify.annotations.NullMarked;
