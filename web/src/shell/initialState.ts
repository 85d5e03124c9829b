/**
 * The state the server rendered into the page (`<script id="initial-state">`), so the first
 * render already shows the stream list or the stream instead of a loading flash.
 *
 * It is read and checked once; a missing or malformed script only means the app starts empty
 * and loads as usual.
 */
import { nullable, object, optional, type Decoder } from '../api/decode';
import { streamPage, streamSummary, type StreamPage, type StreamSummary } from '../api/gateway';

export interface InitialState {
  streams?: StreamPage | undefined;
  stream?: StreamSummary | null | undefined;
}

const initialState: Decoder<InitialState> = object<InitialState>({
  streams: optional(streamPage),
  stream: optional(nullable(streamSummary)),
});

/** Parses and checks the JSON text of the initial-state script; undefined when it is unusable. */
export function parseInitialState(text: string | null | undefined): InitialState | undefined {
  if (!text) return undefined;
  try {
    return initialState(JSON.parse(text), 'initialState');
  } catch {
    return undefined;
  }
}

/** A value from the server's render, with when the page received it. */
export interface Seed<T> {
  readonly value: T;
  readonly at: number;
}

let cached: { state: InitialState | undefined; at: number } | undefined;

function pageState(): { state: InitialState | undefined; at: number } {
  if (!cached) {
    const text = typeof document === 'undefined' ? null : document.getElementById('initial-state')?.textContent;
    cached = { state: parseInitialState(text), at: Date.now() };
  }
  return cached;
}

/** The stream list the server rendered, if any. */
export function seededStreams(): Seed<StreamPage> | undefined {
  const { state, at } = pageState();
  return state?.streams ? { value: state.streams, at } : undefined;
}

/** The stream `id` as the server rendered it, if this page was rendered for it. */
export function seededStream(id: string): Seed<StreamSummary> | undefined {
  const { state, at } = pageState();
  return state?.stream && state.stream.id === id ? { value: state.stream, at } : undefined;
}
