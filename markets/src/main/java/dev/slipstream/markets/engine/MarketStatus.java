package dev.slipstream.markets.engine;

import dev.slipstream.wire.v1.MarketState;

/**
 * Where a market is in its life: {@code OPEN → SUSPENDED → CLOSED → SETTLED}, or {@code VOID} from
 * anywhere before settlement. A suspension can be lifted (back to {@code OPEN}) when what caused it
 * passes without deciding the market (an analytics stall that recovers).
 */
public enum MarketStatus {
  OPEN(MarketState.MARKET_STATE_OPEN),
  SUSPENDED(MarketState.MARKET_STATE_SUSPENDED),
  CLOSED(MarketState.MARKET_STATE_CLOSED),
  SETTLED(MarketState.MARKET_STATE_SETTLED),
  VOID(MarketState.MARKET_STATE_VOID);

  private final MarketState wire;

  MarketStatus(MarketState wire) {
    this.wire = wire;
  }

  /** The state as {@code markets.proto} carries it. */
  public MarketState toProto() {
    return wire;
  }

  /** Whether a market in this status may move to {@code next}. */
  public boolean mayBecome(MarketStatus next) {
    return switch (this) {
      case OPEN -> next == SUSPENDED || next == CLOSED || next == VOID;
      case SUSPENDED -> next == OPEN || next == CLOSED || next == VOID;
      case CLOSED -> next == SETTLED || next == VOID;
      case SETTLED -> next == SETTLED;
      case VOID -> false;
    };
  }

  /** Whether bets are taken. */
  public boolean takesBets() {
    return this == OPEN;
  }
}
