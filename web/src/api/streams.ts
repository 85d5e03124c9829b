/** Streams a broadcaster owns: creating one (with its publish key) and its live figures. */
import { integerOrZero, nonEmptyString, number, object, optional, string, type Decoder } from './decode';
import { callApi, type ApiResult } from './request';

export interface CreatedStream {
  id: string;
  title: string;
  publishKey: string;
}

const createdStream: Decoder<CreatedStream> = object<CreatedStream>({
  id: nonEmptyString,
  title: string,
  publishKey: nonEmptyString,
});

export function createStream(title: string): Promise<ApiResult<CreatedStream>> {
  return callApi({ method: 'POST', path: '/api/streams', body: { title }, decoder: createdStream });
}

/** The figures of `GET /api/streams/{id}/live` the pages show; others are ignored. */
export interface StreamFigures {
  videoCodec?: string | undefined;
  ingestBitrateKbps?: number | undefined;
  framesPerSecond?: number | undefined;
  packetsLost?: number | undefined;
  viewers: number;
  estimatedGlassToGlassMs?: number | undefined;
}

const streamFigures: Decoder<StreamFigures> = (value, path) => {
  const raw = object({
    videoCodec: optional(string),
    ingestBitrateKbps: optional(number),
    framesPerSecond: optional(number),
    packetsLost: optional(number),
    estimatedGlassToGlassMs: optional(number),
  })(value, path);
  const viewers = (value as Record<string, unknown>)['viewers'];
  return { ...raw, viewers: Array.isArray(viewers) ? viewers.length : integerOrZero(viewers, `${path}.viewers`) };
};

export function loadStreamFigures(id: string): Promise<ApiResult<StreamFigures>> {
  return callApi({ path: `/api/streams/${encodeURIComponent(id)}/live`, decoder: streamFigures });
}
