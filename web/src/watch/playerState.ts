/** What the player shows, and when it tries again. */

export type PlayerStatus =
  | { kind: 'waiting'; reason: string }
  | { kind: 'connecting'; attempt: number }
  | { kind: 'starting' }
  | { kind: 'playing' }
  | { kind: 'retrying'; attempt: number; reason: string; inMs: number };

/** The delay before attempt `attempt` (1-based): 1 s, 2 s, 4 s, … capped at 10 s. */
export function retryDelay(attempt: number): number {
  return Math.min(10_000, 1000 * 2 ** Math.max(0, attempt - 1));
}

/** The sentence the player shows for a status. */
export function describe(status: PlayerStatus): string {
  switch (status.kind) {
    case 'waiting':
      return status.reason;
    case 'connecting':
      return status.attempt === 1 ? 'Connecting…' : `Reconnecting (attempt ${status.attempt})…`;
    case 'starting':
      return 'Connected, waiting for the first picture…';
    case 'playing':
      return 'Live';
    case 'retrying':
      return `${status.reason} Trying again in ${Math.ceil(status.inMs / 1000)} s.`;
  }
}
