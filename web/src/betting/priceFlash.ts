/**
 * When the odds on a selection flash: only when the price the viewer sees changes. Prices move
 * in basis points several times a second, most of it below the two decimals shown; flashing on
 * every tick made the odds flash all the time.
 */
export type FlashDirection = 'up' | 'down' | 'none';

export interface PriceFlash {
  /** The text on screen. */
  readonly shown: string;
  /** The odds behind it, to tell the direction of the next change. */
  readonly oddsBp: number;
  readonly direction: FlashDirection;
  /** Grows by one per visible change; keyed on, it restarts the animation once per change. */
  readonly generation: number;
}

export function firstFlash(shown: string, oddsBp: number): PriceFlash {
  return { shown, oddsBp, direction: 'none', generation: 0 };
}

/** The flash after the odds became `oddsBp`, shown as `shown`; the same object when nothing visible changed. */
export function nextFlash(previous: PriceFlash, shown: string, oddsBp: number): PriceFlash {
  if (shown === previous.shown) return previous;
  const direction: FlashDirection = oddsBp > previous.oddsBp ? 'up' : oddsBp < previous.oddsBp ? 'down' : 'none';
  return { shown, oddsBp, direction, generation: previous.generation + 1 };
}
