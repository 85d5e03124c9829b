/** The operator console's read-only routes: performance figures and the audit log. */
import { anything, array, instant, integer, nullable, number, object, optional, record, string, type Decoder } from './decode';
import { callApi, type ApiResult } from './request';

export interface StagePerformance {
  stage: string;
  count: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
}

export interface StreamPerformance {
  streamId: string;
  ingestBitrateKbps?: number | null | undefined;
  ingestFps?: number | null | undefined;
  packetsLost?: number | null | undefined;
  viewers?: number | null | undefined;
  glassToGlassMs?: number | null | undefined;
  framesProcessed: number;
  framesSkipped: number;
  framesSkippedByReason: Record<string, number>;
  stages: StagePerformance[];
}

export interface ProcessPerformance {
  processCpu?: number | null | undefined;
  systemCpu?: number | null | undefined;
  heapUsedBytes?: number | null | undefined;
  heapMaxBytes?: number | null | undefined;
}

export interface Performance {
  at: string;
  process: ProcessPerformance;
  streams: StreamPerformance[];
}

const maybeNumber = optional(nullable(number));

export const performance: Decoder<Performance> = object<Performance>({
  at: instant,
  process: object<ProcessPerformance>({
    processCpu: maybeNumber,
    systemCpu: maybeNumber,
    heapUsedBytes: maybeNumber,
    heapMaxBytes: maybeNumber,
  }),
  streams: array(
    object<StreamPerformance>({
      streamId: string,
      ingestBitrateKbps: maybeNumber,
      ingestFps: maybeNumber,
      packetsLost: maybeNumber,
      viewers: maybeNumber,
      glassToGlassMs: maybeNumber,
      framesProcessed: integer,
      framesSkipped: integer,
      framesSkippedByReason: record(integer),
      stages: array(
        object<StagePerformance>({ stage: string, count: integer, meanMs: number, p50Ms: number, p99Ms: number }),
      ),
    }),
  ),
});

export interface AuditLine {
  id: string;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: unknown;
}

export interface AuditPage {
  items: AuditLine[];
  nextCursor: string | null;
}

export const auditPage: Decoder<AuditPage> = object<AuditPage>({
  items: array(object<AuditLine>({ id: string, at: instant, actor: string, action: string, subject: string, details: anything })),
  nextCursor: nullable(string),
});

export const loadPerformance = (): Promise<ApiResult<Performance>> =>
  callApi({ path: '/api/operator/performance', decoder: performance });

export function loadAuditPage(cursor: string | null, limit = 25): Promise<ApiResult<AuditPage>> {
  const query = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
  return callApi({ path: `/api/operator/audit?${query}`, decoder: auditPage });
}
