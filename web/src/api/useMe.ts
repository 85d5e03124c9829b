import { useCallback, useEffect, useState } from 'react';
import { refreshSession } from './request';
import { csrfToken, loadMe, type Me } from './session';

/** Who is signed in: undefined while asking, null for nobody; `recheck` asks again. */
export function useMe(): { user: Me | null | undefined; recheck: () => void } {
  const [user, setUser] = useState<Me | null | undefined>(undefined);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    const lifetime = new AbortController();
    if (csrfToken() === null) {
      // No cookie session in this browser: nobody is signed in (and no 401 to log).
      setUser(null);
      return () => lifetime.abort();
    }
    void loadMe(lifetime.signal).then(async (result) => {
      if (lifetime.signal.aborted) return;
      if (result.ok && result.value === null && (await refreshSession())) {
        const again = await loadMe(lifetime.signal);
        if (!lifetime.signal.aborted) setUser(again.ok ? again.value : null);
        return;
      }
      setUser(result.ok ? result.value : null);
    });
    return () => lifetime.abort();
  }, [asked]);
  const recheck = useCallback(() => setAsked((n) => n + 1), []);
  return { user, recheck };
}
