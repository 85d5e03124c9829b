// Decodes wire messages with an error that names what was being decoded.
//
// fromBinary reports only the low-level fault ("premature EOF"); a client that logs or
// shows the failure needs to know which message and how many bytes were refused.
import { fromBinary, type DescMessage, type MessageShape } from '@bufbuild/protobuf';

/** Thrown when bytes are not a valid encoding of the message type asked for. */
export class MalformedMessageError extends Error {
  /** Fully qualified protobuf name of the message type, e.g. "slipstream.v1.PlaceBet". */
  readonly typeName: string;
  /** Number of bytes that were refused. */
  readonly byteCount: number;

  constructor(typeName: string, byteCount: number, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`${typeName}: ${byteCount} bytes are not a valid message (${reason})`, { cause });
    this.name = 'MalformedMessageError';
    this.typeName = typeName;
    this.byteCount = byteCount;
  }
}

/**
 * Decodes one message of the given schema from its binary encoding.
 *
 * @throws MalformedMessageError if the bytes are truncated or not a valid encoding
 */
export function decodeMessage<Desc extends DescMessage>(
  schema: Desc,
  bytes: Uint8Array,
): MessageShape<Desc> {
  try {
    return fromBinary(schema, bytes);
  } catch (cause) {
    throw new MalformedMessageError(schema.typeName, bytes.byteLength, cause);
  }
}
