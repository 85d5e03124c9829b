import type { SocketState } from './liveSocket';

/**
 * Says whether what sits next to it is live: "Live" while the socket is open, "Reconnecting" (and
 * so possibly stale) while it is not. Announced to screen readers when it changes.
 */
export function ConnectionBadge({ state, what }: { state: SocketState; what: string }) {
  const live = state === 'open';
  return (
    <span className="conn-badge" data-live={live} data-socket={state} role="status" aria-live="polite">
      {live ? 'Live' : `Reconnecting · ${what} may be stale`}
    </span>
  );
}
