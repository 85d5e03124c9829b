/**
 * The app's one live connection (`/api/live`, JSON frames in the protobuf JSON mapping): topic
 * subscriptions that survive reconnects. Each event carries its subscription's sequence; after a
 * drop the socket comes back (with back-off) and asks to resume every subscription from the last
 * sequence it saw, so nothing is missed or repeated. Malformed frames are counted and ignored.
 */
export type Topic = 'TOPIC_STREAM_ANALYTICS' | 'TOPIC_STREAM_MARKETS' | 'TOPIC_ACCOUNT';

export type ServerMessage = Record<string, unknown> & {
  subscriptionId?: string;
  sequence?: string;
  requestId?: string;
};

interface Subscription {
  id: string;
  topic: Topic;
  resourceId: string;
  lastSequence: number | null;
  onEvent: (message: ServerMessage) => void;
}

export type SocketState = 'connecting' | 'open' | 'closed';

export class LiveSocket {
  private socket: WebSocket | null = null;
  private readonly subscriptions = new Map<string, Subscription>();
  private nextId = 1;
  private attempt = 0;
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  malformed = 0;

  constructor(
    private readonly url: string = defaultUrl(),
    private readonly onState: (state: SocketState) => void = () => {},
  ) {
    this.connect();
  }

  /** Subscribes to a topic; returns a function that unsubscribes. */
  subscribe(topic: Topic, resourceId: string, onEvent: (message: ServerMessage) => void): () => void {
    const id = `s${this.nextId++}`;
    const subscription: Subscription = { id, topic, resourceId, lastSequence: null, onEvent };
    this.subscriptions.set(id, subscription);
    this.send({ requestId: `r${this.nextId++}`, subscribe: { subscriptionId: id, topic, resourceId } });
    return () => {
      this.subscriptions.delete(id);
      this.send({ requestId: `r${this.nextId++}`, unsubscribe: { subscriptionId: id } });
    };
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.socket?.close();
  }

  private connect(): void {
    if (this.closed) return;
    this.onState('connecting');
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempt = 0;
      this.onState('open');
      for (const s of this.subscriptions.values()) {
        const message =
          s.lastSequence === null
            ? { subscribe: { subscriptionId: s.id, topic: s.topic, resourceId: s.resourceId } }
            : {
                resume: {
                  subscriptionId: s.id,
                  fromSequence: String(s.lastSequence + 1),
                  topic: s.topic,
                  resourceId: s.resourceId,
                },
              };
        socket.send(JSON.stringify({ requestId: `r${this.nextId++}`, ...message }));
      }
    });
    socket.addEventListener('message', (event) => this.receive(event.data));
    socket.addEventListener('close', () => {
      this.onState('closed');
      if (this.closed) return;
      this.attempt += 1;
      this.timer = setTimeout(() => this.connect(), Math.min(10_000, 500 * 2 ** (this.attempt - 1)));
    });
  }

  private receive(data: unknown): void {
    let message: ServerMessage;
    try {
      if (typeof data !== 'string') throw new Error('not a text frame');
      message = JSON.parse(data) as ServerMessage;
      if (typeof message !== 'object' || message === null) throw new Error('not an object');
    } catch {
      this.malformed += 1;
      return;
    }
    const subscription = message.subscriptionId ? this.subscriptions.get(message.subscriptionId) : undefined;
    if (!subscription) return;
    if (message.sequence !== undefined) {
      const sequence = Number(message.sequence);
      if (subscription.lastSequence !== null && sequence <= subscription.lastSequence) return;
      subscription.lastSequence = sequence;
    }
    subscription.onEvent(message);
  }

  private send(message: object): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }
}

function defaultUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api/live?format=json`;
}
