/**
 * Small decoders that check JSON from the server against the shape the app relies on.
 *
 * A decoder returns a typed value or throws a {@link ShapeError} naming the exact field
 * that was wrong, so a malformed response shows up as a readable error, never as a crash
 * deep inside a component. Fields the app does not know are ignored.
 */
export type Decoder<T> = (value: unknown, path: string) => T;

/** Thrown when a JSON value does not have the expected shape. */
export class ShapeError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
    readonly actual: unknown,
  ) {
    super(`${path}: expected ${expected}, got ${describe(actual)}`);
    this.name = 'ShapeError';
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'nothing';
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

export const string: Decoder<string> = (value, path) => {
  if (typeof value !== 'string') throw new ShapeError(path, 'a string', value);
  return value;
};

export const nonEmptyString: Decoder<string> = (value, path) => {
  const text = string(value, path);
  if (text.trim() === '') throw new ShapeError(path, 'a non-empty string', value);
  return text;
};

export const boolean: Decoder<boolean> = (value, path) => {
  if (typeof value !== 'boolean') throw new ShapeError(path, 'true or false', value);
  return value;
};

export const nonNegativeNumber: Decoder<number> = (value, path) => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ShapeError(path, 'a number ≥ 0', value);
  }
  return value;
};

/** An ISO-8601 instant such as `2026-11-24T10:00:00Z`, kept as the original string. */
export const instant: Decoder<string> = (value, path) => {
  const text = string(value, path);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(Date.parse(text))) {
    throw new ShapeError(path, 'an ISO-8601 instant', value);
  }
  return text;
};

export function oneOf<const T extends string>(...allowed: readonly T[]): Decoder<T> {
  return (value, path) => {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      throw new ShapeError(path, `one of ${allowed.join(', ')}`, value);
    }
    return value as T;
  };
}

export function nullable<T>(decoder: Decoder<T>): Decoder<T | null> {
  return (value, path) => (value === null || value === undefined ? null : decoder(value, path));
}

export function optional<T>(decoder: Decoder<T>): Decoder<T | undefined> {
  return (value, path) => (value === undefined || value === null ? undefined : decoder(value, path));
}

export function array<T>(item: Decoder<T>): Decoder<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) throw new ShapeError(path, 'an array', value);
    return value.map((element, index) => item(element, `${path}[${index}]`));
  };
}

export function record<T>(item: Decoder<T>): Decoder<Record<string, T>> {
  return (value, path) => {
    const fields = plainObject(value, path);
    const result: Record<string, T> = {};
    for (const [key, element] of Object.entries(fields)) {
      result[key] = item(element, `${path}.${key}`);
    }
    return result;
  };
}

type Fields<T> = { [K in keyof T]: Decoder<T[K]> };

/** Decodes an object field by field; unknown fields are ignored. */
export function object<T>(fields: Fields<T>): Decoder<T> {
  return (value, path) => {
    const source = plainObject(value, path);
    const result = {} as T;
    for (const key of Object.keys(fields) as (keyof T & string)[]) {
      const decoded = fields[key](source[key], `${path}.${key}`);
      if (decoded !== undefined) result[key] = decoded;
    }
    return result;
  };
}

function plainObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ShapeError(path, 'an object', value);
  }
  return value as Record<string, unknown>;
}

/** A whole number, also as the decimal string protobuf's JSON mapping gives 64-bit integers. */
export const integer: Decoder<number> = (value, path) => {
  const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new ShapeError(path, 'a whole number', value);
  return n;
};

/** Like {@link integer}, but a missing value (protobuf JSON leaves zeros out) reads as 0. */
export const integerOrZero: Decoder<number> = (value, path) =>
  value === undefined || value === null ? 0 : integer(value, path);

/** Any JSON value, unchecked: for evidence and exports the app only shows. */
export const anything: Decoder<unknown> = (value) => value;

/** Any finite number. */
export const number: Decoder<number> = (value, path) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ShapeError(path, 'a number', value);
  return value;
};
