/**
 * The markets of one stream as the viewer sees them, kept from two sources: `MarketUpdate`s on
 * the live socket (prices and state, five times a second) and the REST market list (titles and
 * selection names). Updates apply in price-version order; an older one is ignored, so a late REST
 * answer never rolls back a live price.
 */
import type { Market, MarketState } from '../api/markets';

export interface LiveSelection {
  id: string;
  name: string;
  oddsBp: number;
  /** The previous odds when the last update moved them, for the flash. */
  movedFrom: number | null;
}

export interface LiveMarket {
  id: string;
  title: string | null;
  state: MarketState;
  priceVersion: number;
  selections: LiveSelection[];
  reason: string | null;
  windowEndMediaTimeUs: number | null;
  /** Wall-clock ms of the last update, for "changed just now" styling. */
  changedAt: number;
  /** Wall-clock ms when this book first saw the market settled or void, or null while it runs. */
  endedAt: number | null;
}

export type MarketBook = ReadonlyMap<string, LiveMarket>;

const STATE_NAMES: Record<string, MarketState> = {
  MARKET_STATE_OPEN: 'OPEN',
  MARKET_STATE_SUSPENDED: 'SUSPENDED',
  MARKET_STATE_CLOSED: 'CLOSED',
  MARKET_STATE_SETTLED: 'SETTLED',
  MARKET_STATE_VOID: 'VOID',
};

type Json = Record<string, unknown>;

function num(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

/** A selection's readable name when only its id is known: "yes" → "Yes", "3" → "Runner 3". */
export function selectionLabel(id: string): string {
  if (/^\d+$/.test(id)) return `Runner ${id}`;
  return id.charAt(0).toUpperCase() + id.slice(1);
}

/**
 * Applies a socket message carrying `marketUpdate` (or a whole `market`); returns the same book
 * when the message is not a usable update or is older than what the book holds.
 */
export function applySocketMessage(book: MarketBook, message: Json, now: number): MarketBook {
  const whole = message['market'];
  if (whole && typeof whole === 'object') return applyWholeMarket(book, whole as Json, now);
  const update = message['marketUpdate'];
  if (!update || typeof update !== 'object') return book;
  return applyUpdate(book, update as Json, now);
}

function applyUpdate(book: MarketBook, update: Json, now: number, title?: string, names?: Map<string, string>): MarketBook {
  const id = update['marketId'];
  const version = num(update['priceVersion']);
  const state = STATE_NAMES[String(update['state'])];
  if (typeof id !== 'string' || id === '' || version === null || !state) return book;
  const known = book.get(id);
  if (known && known.priceVersion > version) return book;
  if (known && known.priceVersion === version && known.state === state && !title) return book;
  const prices = Array.isArray(update['prices']) ? (update['prices'] as Json[]) : [];
  const selections: LiveSelection[] = prices
    .filter((p) => p && typeof p['selectionId'] === 'string')
    .map((p) => {
      const selectionId = p['selectionId'] as string;
      const oddsBp = num(p['decimalOddsBp']) ?? 0;
      const before = known?.selections.find((s) => s.id === selectionId);
      const name = names?.get(selectionId) ?? before?.name ?? selectionLabel(selectionId);
      const movedFrom = before && before.oddsBp !== oddsBp ? before.oddsBp : (before?.movedFrom ?? null);
      return { id: selectionId, name, oddsBp, movedFrom };
    });
  const next = new Map(book);
  next.set(id, {
    id,
    title: title ?? known?.title ?? null,
    state,
    priceVersion: version,
    selections: selections.length > 0 ? selections : (known?.selections ?? []),
    reason: typeof update['reason'] === 'string' ? update['reason'].replace('MARKET_CHANGE_REASON_', '') : null,
    windowEndMediaTimeUs: known?.windowEndMediaTimeUs ?? null,
    changedAt: now,
    endedAt: endedAt(known, state, now),
  });
  return next;
}

function applyWholeMarket(book: MarketBook, whole: Json, now: number): MarketBook {
  const names = new Map<string, string>();
  for (const s of Array.isArray(whole['selections']) ? (whole['selections'] as Json[]) : []) {
    if (typeof s?.['selectionId'] === 'string' && typeof s['name'] === 'string') names.set(s['selectionId'], s['name']);
  }
  const latest = (whole['latest'] as Json | undefined) ?? {};
  const title = typeof whole['title'] === 'string' ? whole['title'] : undefined;
  const next = applyUpdate(book, { ...latest, marketId: whole['marketId'] }, now, title, names);
  const id = whole['marketId'];
  const end = num(whole['windowEndMediaTimeUs']);
  const market = typeof id === 'string' ? next.get(id) : undefined;
  if (!market || end === null) return next;
  const withEnd = new Map(next);
  withEnd.set(market.id, { ...market, windowEndMediaTimeUs: end });
  return withEnd;
}

/** Merges the REST list: names and windows always; prices and state only when not older. */
export function applyRestMarkets(book: MarketBook, markets: readonly Market[], now: number): MarketBook {
  const next = new Map(book);
  for (const m of markets) {
    const known = next.get(m.id);
    const names = new Map(m.selections.map((s) => [s.id, s.name] as const));
    if (!known || known.priceVersion < m.priceVersion) {
      next.set(m.id, {
        id: m.id,
        title: m.title,
        state: m.state,
        priceVersion: m.priceVersion,
        selections: m.selections.map((s) => ({
          id: s.id,
          name: s.name,
          oddsBp: s.decimalOddsBp,
          movedFrom: known?.selections.find((k) => k.id === s.id)?.movedFrom ?? null,
        })),
        reason: m.reason,
        windowEndMediaTimeUs: m.windowEndMediaTimeUs || null,
        changedAt: known?.changedAt ?? now,
        endedAt: endedAt(known, m.state, now),
      });
    } else {
      next.set(m.id, {
        ...known,
        title: m.title,
        windowEndMediaTimeUs: m.windowEndMediaTimeUs || known.windowEndMediaTimeUs,
        selections: known.selections.map((s) => ({ ...s, name: names.get(s.id) ?? s.name })),
      });
    }
  }
  return next;
}

/** A market's name while its title is unknown: "Market mk235" from "str_…-mk235". */
export function marketLabel(market: { id: string; title: string | null }): string {
  return market.title ?? `Market ${market.id.slice(market.id.lastIndexOf('-') + 1)}`;
}

/** How long a settled or void market stays listed, so the viewer sees how it ended before it goes. */
export const ENDED_LISTED_MS = 10_000;

/**
 * The markets to list: open and suspended first, then closed ones, then those that settled or
 * were voided in the last {@link ENDED_LISTED_MS}; stable order by id within each.
 */
export function visibleMarkets(book: MarketBook, now: number): LiveMarket[] {
  const rank = (m: LiveMarket) => (m.state === 'OPEN' || m.state === 'SUSPENDED' ? 0 : m.state === 'CLOSED' ? 1 : 2);
  return [...book.values()]
    .filter((m) => rank(m) < 2 || (m.endedAt !== null && now - m.endedAt < ENDED_LISTED_MS))
    .sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}

function endedAt(known: LiveMarket | undefined, state: MarketState, now: number): number | null {
  if (state !== 'SETTLED' && state !== 'VOID') return null;
  return known?.endedAt ?? now;
}
