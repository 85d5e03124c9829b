import { useState } from 'react';
import type { ApiResult } from '../api/request';

/**
 * Runs one form action against the API and keeps what the form shows about it: busy while it
 * runs, then the server's error sentence or the success line.
 */
export function useApiAction(): {
  busy: boolean;
  error: string | null;
  done: string | null;
  run: <T>(action: () => Promise<ApiResult<T>>, success: (value: T) => string) => Promise<boolean>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async <T,>(action: () => Promise<ApiResult<T>>, success: (value: T) => string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    const result = await action();
    setBusy(false);
    if (result.ok) setDone(success(result.value));
    else setError(result.message);
    return result.ok;
  };
  return { busy, error, done, run };
}

/** The action's outcome line under a form. */
export function ActionOutcome({ error, done }: { error: string | null; done: string | null }) {
  if (error) {
    return (
      <p className="form-error" role="alert">
        {error}
      </p>
    );
  }
  return done ? (
    <p className="form-ok" role="status">
      {done}
    </p>
  ) : null;
}
