import { useEffect, useRef, useState } from 'react';
import { loadStreamMarkets } from '../api/markets';
import type { LiveSocket } from '../live/liveSocket';
import { applyRestMarkets, applySocketMessage, type MarketBook } from './marketBook';

const REST_EVERY_MS = 5000;
const REST_MISSING_EVERY_MS = 30_000;
/** How soon the REST list is read again after the socket shows a market whose title is unknown. */
const REST_SOON_MS = 250;

export interface StreamMarkets {
  book: MarketBook;
  /** Wall-clock ms of the last update from either source. */
  updatedAt: number | null;
  /** Why titles and names may be missing (the REST list failed), or null. */
  restProblem: string | null;
}

/**
 * A stream's markets, live: prices and state from the socket's market topic as they happen, and
 * titles and selection names from the REST list every few seconds, and at once when the socket shows
 * a market the list did not have yet (markets last seconds; "Market mk92" should not be its name).
 */
export function useStreamMarkets(socket: LiveSocket | null, streamId: string): StreamMarkets {
  const [markets, setMarkets] = useState<StreamMarkets>({ book: new Map(), updatedAt: null, restProblem: null });
  const readSoon = useRef<() => void>(() => {});
  /** Ids of the markets whose titles the REST list gave. */
  const titled = useRef<Set<string>>(new Set());
  const asked = useRef<Set<string>>(new Set());

  useEffect(() => {
    titled.current = new Set([...markets.book.values()].filter((m) => m.title !== null).map((m) => m.id));
  }, [markets.book]);

  useEffect(() => {
    if (!socket) return;
    return socket.subscribe('TOPIC_STREAM_MARKETS', streamId, (message) => {
      const now = Date.now();
      setMarkets((previous) => {
        const book = applySocketMessage(previous.book, message, now);
        return book === previous.book ? previous : { ...previous, book, updatedAt: now };
      });
      if (untitledMarket(message, titled.current, asked.current)) readSoon.current();
    });
  }, [socket, streamId]);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let reading = false;
    let again = false;
    readSoon.current = () => {
      if (reading) {
        again = true;
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(() => void poll(), REST_SOON_MS);
    };
    const poll = async () => {
      reading = true;
      const result = await loadStreamMarkets(streamId);
      reading = false;
      if (stopped) return;
      const now = Date.now();
      if (result.ok) {
        setMarkets((previous) => ({
          book: applyRestMarkets(previous.book, result.value.markets, now),
          updatedAt: now,
          restProblem: null,
        }));
      } else {
        const problem =
          result.status === 404 ? 'Market titles are not served by this server yet.' : result.message;
        setMarkets((previous) => ({ ...previous, restProblem: problem }));
      }
      const wait = again ? REST_SOON_MS : result.ok || result.status !== 404 ? REST_EVERY_MS : REST_MISSING_EVERY_MS;
      again = false;
      timer = setTimeout(() => void poll(), wait);
    };
    void poll();
    return () => {
      stopped = true;
      readSoon.current = () => {};
      clearTimeout(timer);
    };
  }, [streamId]);

  return markets;
}

/**
 * Whether a socket message names a market whose title the REST list has not given yet, and that
 * has not been asked about before (a market the list never shows, or a failing list, is asked
 * about once, not on every price). Marks it asked.
 */
export function untitledMarket(message: Record<string, unknown>, titled: ReadonlySet<string>, asked: Set<string>): boolean {
  const update = message['marketUpdate'] as Record<string, unknown> | undefined;
  const id = update?.['marketId'];
  if (typeof id !== 'string' || id === '' || titled.has(id) || asked.has(id)) return false;
  asked.add(id);
  return true;
}
