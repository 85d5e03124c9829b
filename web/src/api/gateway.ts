/**
 * The gateway responses the app reads, with a decoder for each so the shape is checked
 * where the data enters the app.
 */
import {
  array,
  boolean,
  instant,
  nonEmptyString,
  nonNegativeNumber,
  nullable,
  object,
  oneOf,
  optional,
  record,
  string,
  type Decoder,
} from './decode';

export type StreamState = 'idle' | 'live' | 'ended';

/** One stream as listed by `GET /api/streams`. */
export interface StreamSummary {
  id: string;
  title: string;
  state: StreamState;
  createdAt: string;
}

/** A page of streams; `nextCursor` is null on the last page. */
export interface StreamPage {
  items: StreamSummary[];
  nextCursor: string | null;
}

/** One dependency check reported by `GET /healthz`. */
export interface HealthCheck {
  up: boolean;
  detail?: string | undefined;
}

export interface Health {
  status: 'UP' | 'DOWN';
  checks: Record<string, HealthCheck>;
}

/** What `GET /api/system` says about the running server. */
export interface SystemInfo {
  version: string;
  startedAt: string;
  uptimeSeconds: number;
  roles: string[];
  database: string;
  bus: string;
}

export const streamSummary: Decoder<StreamSummary> = object<StreamSummary>({
  id: nonEmptyString,
  title: string,
  state: oneOf('idle', 'live', 'ended'),
  createdAt: instant,
});

export const streamPage: Decoder<StreamPage> = object<StreamPage>({
  items: array(streamSummary),
  nextCursor: nullable(string),
});

export const health: Decoder<Health> = object<Health>({
  status: oneOf('UP', 'DOWN'),
  checks: record(object<HealthCheck>({ up: boolean, detail: optional(string) })),
});

export const systemInfo: Decoder<SystemInfo> = object<SystemInfo>({
  version: nonEmptyString,
  startedAt: instant,
  uptimeSeconds: nonNegativeNumber,
  roles: array(string),
  database: string,
  bus: string,
});
