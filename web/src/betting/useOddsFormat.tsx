import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { DEFAULT_ODDS_FORMAT, type OddsFormat } from './oddsFormat';
import { createOddsFormatStore, ODDS_FORMAT_KEY, type OddsFormatStore } from './oddsFormatStore';

/** The bettor's odds format and how to change it. */
export interface OddsFormatChoice {
  readonly format: OddsFormat;
  readonly choose: (format: OddsFormat) => void;
}

// Without a provider (a component rendered on its own, as in tests) odds read as decimal.
const OddsFormatContext = createContext<OddsFormatChoice>({ format: DEFAULT_ODDS_FORMAT, choose: () => {} });

let browserStore: OddsFormatStore | null = null;

function localStorageStore(): OddsFormatStore {
  return (browserStore ??= createOddsFormatStore(() => window.localStorage));
}

/**
 * Gives everything below it the bettor's odds format, remembered in localStorage (`store` replaces
 * it in tests) and following a change made in another tab.
 */
export function OddsFormatProvider({ store, children }: { store?: OddsFormatStore; children: ReactNode }) {
  const source = store ?? localStorageStore();
  const format = useSyncExternalStore(source.subscribe, source.get, source.get);
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === ODDS_FORMAT_KEY || event.key === null) source.reload();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [source]);
  const choice = useMemo(() => ({ format, choose: source.set }), [format, source]);
  return <OddsFormatContext value={choice}>{children}</OddsFormatContext>;
}

/** The bettor's odds format (decimal until they choose) and how to change it. */
export function useOddsFormat(): OddsFormatChoice {
  return useContext(OddsFormatContext);
}
