/**
 * The app's one live connection (`/api/live`, JSON frames in the protobuf JSON mapping): topic
 * subscriptions that survive reconnects. Each event carries its subscription's sequence; after a
 * drop the socket comes back (with back-off) and asks to resume every subscription from the last
 * sequence it saw, so nothing is missed or repeated. Malformed frames are counted and ignored.
 * Bets go over the same socket, each answered by the message that repeats its request id.
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

/** What became of a request sent over the socket: the server's answer, or why there is none. */
export type SocketAnswer = { kind: 'answer'; message: ServerMessage } | { kind: 'no-answer'; reason: string };

const ANSWER_LIMIT_MS = 10_000;

export class LiveSocket {
  private socket: WebSocket | null = null;
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly waiting = new Map<string, (answer: SocketAnswer) => void>();
  private readonly stateListeners = new Set<(state: SocketState) => void>();
  private nextId = 1;
  private attempt = 0;
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private current: SocketState = 'connecting';
  malformed = 0;

  constructor(
    private readonly url: string = defaultUrl(),
    onState: (state: SocketState) => void = () => {},
    /** Runs before each reconnect, e.g. to renew an expired session cookie. */
    private readonly beforeReconnect: () => Promise<unknown> = async () => {},
  ) {
    this.stateListeners.add(onState);
    this.connect();
  }

  get state(): SocketState {
    return this.current;
  }

  /** Calls `listener` on every change of the connection's state; returns a function that stops it. */
  onStateChange(listener: (state: SocketState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
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

  /**
   * Sends `body` (e.g. `{ placeBet: … }`) with a fresh request id and resolves with the message
   * that answers it; never rejects.
   */
  request(body: Record<string, unknown>): Promise<SocketAnswer> {
    const requestId = `q${this.nextId++}-${Date.now().toString(36)}`;
    if (this.socket?.readyState !== WebSocket.OPEN) {
      return Promise.resolve({ kind: 'no-answer', reason: 'The live connection is down; reconnecting.' });
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(requestId);
        resolve({ kind: 'no-answer', reason: 'The server did not answer in time.' });
      }, ANSWER_LIMIT_MS);
      this.waiting.set(requestId, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      this.send({ requestId, ...body });
    });
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.socket?.close();
  }

  private setState(state: SocketState): void {
    this.current = state;
    for (const listener of this.stateListeners) listener(state);
  }

  private connect(): void {
    if (this.closed) return;
    this.setState('connecting');
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempt = 0;
      this.setState('open');
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
      if (this.socket !== socket) return;
      this.setState('closed');
      for (const [id, answer] of this.waiting) {
        this.waiting.delete(id);
        answer({ kind: 'no-answer', reason: 'The live connection dropped before the server answered.' });
      }
      if (this.closed) return;
      this.attempt += 1;
      const delay = Math.min(10_000, 500 * 2 ** (this.attempt - 1));
      this.timer = setTimeout(() => {
        void this.beforeReconnect()
          .catch(() => {})
          .then(() => this.connect());
      }, delay);
    });
  }

  private receive(data: unknown): void {
    let message: ServerMessage;
    try {
      if (typeof data !== 'string') throw new Error('not a text frame');
      message = JSON.parse(data) as ServerMessage;
      if (typeof message !== 'object' || message === null || Array.isArray(message)) throw new Error('not an object');
    } catch {
      this.malformed += 1;
      return;
    }
    if (typeof message.requestId === 'string' && message.requestId !== '') {
      const answer = this.waiting.get(message.requestId);
      if (answer) {
        this.waiting.delete(message.requestId);
        answer({ kind: 'answer', message });
        return;
      }
    }
    const subscription =
      typeof message.subscriptionId === 'string' ? this.subscriptions.get(message.subscriptionId) : undefined;
    if (!subscription) return;
    if (message.sequence !== undefined) {
      const sequence = Number(message.sequence);
      if (!Number.isFinite(sequence)) {
        this.malformed += 1;
        return;
      }
      if (subscription.lastSequence !== null && sequence <= subscription.lastSequence) return;
      subscription.lastSequence = sequence;
    }
    try {
      subscription.onEvent(message);
    } catch {
      // A well-formed frame whose content a consumer could not use: counted, never fatal.
      this.malformed += 1;
    }
  }

  private send(message: object): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }
}

function defaultUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api/live?format=json`;
}
