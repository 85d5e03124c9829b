import { DEFAULT_ODDS_FORMAT, oddsFormatOrDefault, type OddsFormat } from './oddsFormat';

/** Where the bettor's choice is kept between visits. */
export const ODDS_FORMAT_KEY = 'slipstream.oddsFormat';

/** The part of Web Storage the choice needs: the browser's localStorage, or a fake in tests. */
export type ChoiceStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The bettor's odds format, remembered in storage, for `useSyncExternalStore`. */
export interface OddsFormatStore {
  /** The current choice; a missing or unreadable stored value reads as decimal. */
  get(): OddsFormat;
  /** Makes `format` the choice, remembers it where storage allows and tells the listeners. */
  set(format: OddsFormat): void;
  /** Reads the stored choice again, as another tab may have changed it. */
  reload(): void;
  subscribe(listener: () => void): () => void;
}

/**
 * A store over `storage`, asked for on every access because the browser may refuse it at any time
 * (blocked cookies, private mode, a full quota). Then the choice still holds for this page.
 */
export function createOddsFormatStore(storage: () => ChoiceStorage | null): OddsFormatStore {
  let current: OddsFormat | null = null;
  const listeners = new Set<() => void>();
  const read = (): OddsFormat => {
    try {
      return oddsFormatOrDefault(storage()?.getItem(ODDS_FORMAT_KEY));
    } catch {
      return current ?? DEFAULT_ODDS_FORMAT;
    }
  };
  const change = (format: OddsFormat) => {
    if (format === current) return;
    current = format;
    for (const listener of listeners) listener();
  };
  return {
    get: () => (current ??= read()),
    set: (format) => {
      try {
        storage()?.setItem(ODDS_FORMAT_KEY, format);
      } catch {
        // Not remembered past this page; still shown.
      }
      change(format);
    },
    reload: () => change(read()),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
