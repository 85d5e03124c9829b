import { useEffect, useState } from 'react';
import { refreshSession } from '../api/request';
import { LiveSocket, type SocketState } from './liveSocket';

/**
 * One live socket for the component's lifetime, with its connection state as React state. A
 * reconnect renews the session cookie first, so a socket outliving its access token comes back
 * signed in. `key` opens a new socket when it changes (e.g. after signing in); null opens none yet.
 */
export function useLiveSocket(key: string | null): { socket: LiveSocket | null; state: SocketState } {
  const [socket, setSocket] = useState<LiveSocket | null>(null);
  const [state, setState] = useState<SocketState>('connecting');
  useEffect(() => {
    if (key === null) return;
    const live = new LiveSocket(undefined, setState, () => refreshSession());
    setSocket(live);
    return () => {
      live.close();
      setSocket(null);
    };
  }, [key]);
  return { socket, state };
}
