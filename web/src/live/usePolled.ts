import { useCallback, useEffect, useState } from 'react';
import type { ApiResult } from '../api/request';

/**
 * An API resource re-read every `everyMs`, keeping the last good value (and saying why the latest
 * read failed) so a panel never blanks; `reload` reads it again at once.
 */
export function usePolled<T>(
  load: () => Promise<ApiResult<T>>,
  everyMs: number,
): { value: T | null; problem: { status: number; message: string } | null; reload: () => void } {
  const [value, setValue] = useState<T | null>(null);
  const [problem, setProblem] = useState<{ status: number; message: string } | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const result = await load();
      if (stopped) return;
      if (result.ok) {
        setValue(result.value);
        setProblem(null);
      } else {
        setProblem({ status: result.status, message: result.message });
      }
      timer = setTimeout(() => void poll(), everyMs);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [load, everyMs, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { value, problem, reload };
}
