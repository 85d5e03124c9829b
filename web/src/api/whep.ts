/**
 * Plays a stream over WHEP: a receive-only peer connection whose offer goes to
 * `POST /api/streams/{id}/whep`; the answer's `Location` is the session, deleted on stop.
 */

/** Why a WHEP attempt did not start. */
export class WhepError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'WhepError';
  }
}

export interface WhepSession {
  readonly connection: RTCPeerConnection;
  readonly stream: MediaStream;
  /** The session's resource URL (its `Location`), e.g. for its media clock; null if none came. */
  readonly resource: string | null;
  /** Hangs up: deletes the session on the server and closes the connection. */
  stop(): void;
}

const GATHERING_LIMIT_MS = 2000;

export async function startWhep(streamId: string, signal: AbortSignal): Promise<WhepSession> {
  const connection = new RTCPeerConnection();
  const stream = new MediaStream();
  connection.addTransceiver('video', { direction: 'recvonly' });
  connection.addTransceiver('audio', { direction: 'recvonly' });
  connection.addEventListener('track', (event) => stream.addTrack(event.track));
  try {
    await connection.setLocalDescription(await connection.createOffer());
    await gatheringComplete(connection);
    const response = await fetch(`/api/streams/${encodeURIComponent(streamId)}/whep`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/sdp' },
      body: connection.localDescription?.sdp ?? '',
      signal,
    });
    if (response.status !== 201) {
      throw await problem(response);
    }
    const location = response.headers.get('Location');
    await connection.setRemoteDescription({ type: 'answer', sdp: await response.text() });
    return {
      connection,
      stream,
      resource: location,
      stop() {
        connection.close();
        if (location) void fetch(location, { method: 'DELETE', keepalive: true }).catch(() => {});
      },
    };
  } catch (error) {
    connection.close();
    throw error;
  }
}

function gatheringComplete(connection: RTCPeerConnection): Promise<void> {
  return new Promise((resolve) => {
    if (connection.iceGatheringState === 'complete') resolve();
    const done = () => connection.iceGatheringState === 'complete' && resolve();
    connection.addEventListener('icegatheringstatechange', done);
    setTimeout(resolve, GATHERING_LIMIT_MS);
  });
}

async function problem(response: Response): Promise<WhepError> {
  try {
    const body = (await response.json()) as { code?: unknown; detail?: unknown };
    const code = typeof body.code === 'string' ? body.code : 'whep_failed';
    const detail = typeof body.detail === 'string' ? body.detail : `the server answered ${response.status}`;
    return new WhepError(response.status, code, detail);
  } catch {
    return new WhepError(response.status, 'whep_failed', `the server answered ${response.status}`);
  }
}
