/**
 * Publishes a camera or screen over WHIP: a send-only peer connection whose offer goes to
 * `POST /api/streams/{id}/whip` with the publish key as the bearer; the answer's `Location` is the
 * session, deleted (with the same key) to stop.
 */
export interface WhipSession {
  readonly connection: RTCPeerConnection;
  /** Stops publishing: deletes the session on the server and closes the connection. */
  stop(): Promise<void>;
}

const GATHERING_LIMIT_MS = 2000;

export async function startWhip(streamId: string, publishKey: string, media: MediaStream): Promise<WhipSession> {
  const connection = new RTCPeerConnection();
  for (const track of media.getTracks()) connection.addTransceiver(track, { direction: 'sendonly' });
  try {
    await connection.setLocalDescription(await connection.createOffer());
    await new Promise<void>((resolve) => {
      if (connection.iceGatheringState === 'complete') resolve();
      connection.addEventListener('icegatheringstatechange', () => connection.iceGatheringState === 'complete' && resolve());
      setTimeout(resolve, GATHERING_LIMIT_MS);
    });
    const response = await fetch(`/api/streams/${encodeURIComponent(streamId)}/whip`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/sdp', Authorization: `Bearer ${publishKey}` },
      body: connection.localDescription?.sdp ?? '',
    });
    if (response.status !== 201) {
      const text = await response.text().catch(() => '');
      let detail = `the server answered ${response.status}`;
      try {
        const problem = JSON.parse(text) as { detail?: unknown };
        if (typeof problem.detail === 'string') detail = problem.detail;
      } catch {
        // not a problem document
      }
      throw new Error(`Publishing was refused: ${detail}.`);
    }
    const location = response.headers.get('Location');
    await connection.setRemoteDescription({ type: 'answer', sdp: await response.text() });
    return {
      connection,
      async stop() {
        connection.close();
        if (location) {
          await fetch(location, { method: 'DELETE', headers: { Authorization: `Bearer ${publishKey}` } }).catch(() => {});
        }
      },
    };
  } catch (error) {
    connection.close();
    throw error;
  }
}
