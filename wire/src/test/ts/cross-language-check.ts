// The TypeScript half of CrossLanguageRoundTripIT.
//
// For every sample Java wrote (java/<name>.bin and its canonical JSON java/<name>.json) this
// decodes the bytes with the generated code, compares its own JSON with Java's field by field,
// applies the one edit Java expects for the message type and writes the re-encoded bytes to
// ts/<name>.bin. Findings go to ts/<name>.check.txt ("ok" or one problem per line) so the Java
// test can report each sample on its own; the exit code is 1 if anything disagreed.
//
// Usage: node target/ts-build/src/test/ts/cross-language-check.js <work dir>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  create,
  createRegistry,
  equals,
  fromJson,
  toBinary,
  toJson,
  type DescMessage,
  type JsonValue,
  type Message,
  type MessageShape,
} from '@bufbuild/protobuf';
// The generated code and decode.ts, as the build leaves them in target/generated-sources/ts.
import {
  decodeMessage,
  MalformedMessageError,
} from '../../../target/generated-sources/ts/decode.js';
import {
  AnalyticsFrameSchema,
  file_slipstream_v1_analytics,
} from '../../../target/generated-sources/ts/slipstream/v1/analytics_pb.js';
import {
  BetResultSchema,
  BetStatus,
  PlaceBetSchema,
  file_slipstream_v1_bets,
} from '../../../target/generated-sources/ts/slipstream/v1/bets_pb.js';
import {
  WalletUpdateSchema,
  file_slipstream_v1_ledger,
} from '../../../target/generated-sources/ts/slipstream/v1/ledger_pb.js';
import {
  ClientMessageSchema,
  ServerMessageSchema,
  file_slipstream_v1_live,
} from '../../../target/generated-sources/ts/slipstream/v1/live_pb.js';
import {
  MarketSchema,
  MarketUpdateSchema,
  file_slipstream_v1_markets,
} from '../../../target/generated-sources/ts/slipstream/v1/markets_pb.js';
import {
  MediaClockSchema,
  StreamLifecycleEventSchema,
  StreamStatsSchema,
  ViewerLeftSchema,
  file_slipstream_v1_media,
} from '../../../target/generated-sources/ts/slipstream/v1/media_pb.js';

type Edit = (message: Message) => void;

/** Pairs a type name with a typed edit, so each edit below is checked by the compiler. */
function edit<Desc extends DescMessage>(
  schema: Desc,
  apply: (message: MessageShape<Desc>) => void,
): [string, Edit] {
  return [schema.typeName, (message) => apply(message as MessageShape<Desc>)];
}

// One edit per message type; WireSamples.edited in Java expects exactly these changes.
const edits = new Map<string, Edit>([
  edit(StreamLifecycleEventSchema, (m) => {
    m.event = {
      case: 'viewerLeft',
      value: create(ViewerLeftSchema, { viewerId: 'viewer-ts', watchedUs: 90_000_000n }),
    };
  }),
  edit(StreamStatsSchema, (m) => {
    m.viewersByProtocol['whep'] = 4_321;
  }),
  edit(MediaClockSchema, (m) => {
    m.mediaTimeUs = -40_000n;
  }),
  edit(AnalyticsFrameSchema, (m) => {
    const first = m.tracks[0];
    if (first === undefined) throw new Error('the analytics sample has no track to edit');
    first.speedMps = 10.5;
  }),
  edit(MarketSchema, (m) => {
    m.title = 'Will runner 3 top 9.5 m/s in the next 10 s?';
  }),
  edit(MarketUpdateSchema, (m) => {
    m.priceVersion += 1n;
  }),
  edit(PlaceBetSchema, (m) => {
    m.stakeMinor = 2_500n;
  }),
  edit(BetResultSchema, (m) => {
    m.status = BetStatus.LAPSED;
  }),
  edit(WalletUpdateSchema, (m) => {
    m.heldMinor = 0n;
  }),
  edit(ServerMessageSchema, (m) => {
    m.sequence += 1n;
  }),
  edit(ClientMessageSchema, (m) => {
    m.requestId = 'req-ts-ü-🏃';
  }),
]);

const registry = createRegistry(
  file_slipstream_v1_media,
  file_slipstream_v1_analytics,
  file_slipstream_v1_markets,
  file_slipstream_v1_bets,
  file_slipstream_v1_ledger,
  file_slipstream_v1_live,
);

/** Appends one line per value that differs between Java's JSON and TypeScript's. */
function differences(
  path: string,
  java: JsonValue | undefined,
  typescript: JsonValue | undefined,
  out: string[],
): void {
  const bothObjects =
    typeof java === 'object' && java !== null && !Array.isArray(java) &&
    typeof typescript === 'object' && typescript !== null && !Array.isArray(typescript);
  if (bothObjects) {
    const keys = new Set([...Object.keys(java), ...Object.keys(typescript)]);
    for (const key of [...keys].sort()) {
      differences(`${path}.${key}`, java[key], typescript[key], out);
    }
    return;
  }
  if (Array.isArray(java) && Array.isArray(typescript)) {
    if (java.length !== typescript.length) {
      out.push(`${path}: Java wrote ${java.length} elements, TypeScript read ${typescript.length}`);
    }
    for (let i = 0; i < Math.min(java.length, typescript.length); i++) {
      differences(`${path}[${i}]`, java[i], typescript[i], out);
    }
    return;
  }
  if (java !== typescript) {
    const javaText = JSON.stringify(java);
    out.push(`${path}: Java wrote ${javaText}, TypeScript read ${JSON.stringify(typescript)}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function checkSample(workDir: string, name: string, typeName: string): string[] {
  const schema = registry.getMessage(typeName);
  if (schema === undefined) {
    return [`the generated TypeScript has no message type ${typeName}`];
  }
  const problems: string[] = [];
  let decoded: Message;
  try {
    decoded = decodeMessage(schema, readFileSync(join(workDir, 'java', `${name}.bin`)));
  } catch (error) {
    return [`decoding Java's bytes failed: ${describe(error)}`];
  }

  const javaJsonText = readFileSync(join(workDir, 'java', `${name}.json`), 'utf8');
  const javaJson = JSON.parse(javaJsonText) as JsonValue;
  differences(typeName, javaJson, toJson(schema, decoded), problems);
  try {
    if (!equals(schema, fromJson(schema, javaJson), decoded)) {
      problems.push("reading Java's JSON gives another message than reading Java's bytes");
    }
  } catch (error) {
    problems.push(`reading Java's JSON failed: ${describe(error)}`);
  }

  const apply = edits.get(typeName);
  if (apply === undefined) {
    problems.push(`no edit is defined for ${typeName}; add one next to the others`);
  } else {
    apply(decoded);
    writeFileSync(join(workDir, 'ts', `${name}.bin`), toBinary(schema, decoded));
  }
  return problems;
}

/** Decodes a malformed input and returns the error TypeScript gave, or why that is wrong. */
function checkMalformed(workDir: string, name: string, typeName: string): string {
  const schema = registry.getMessage(typeName);
  if (schema === undefined) {
    return `the generated TypeScript has no message type ${typeName}`;
  }
  try {
    decodeMessage(schema, readFileSync(join(workDir, 'java', 'malformed', `${name}.bin`)));
    return 'accepted: decoding succeeded although the bytes are malformed';
  } catch (error) {
    return error instanceof MalformedMessageError
      ? describe(error)
      : `wrong error type: ${describe(error)}`;
  }
}

function manifest(path: string): Array<[string, string]> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const [name, typeName] = line.split('\t');
      if (name === undefined || typeName === undefined) {
        throw new Error(`${path}: line "${line}" is not "<name>\\t<type>"`);
      }
      return [name, typeName];
    });
}

function main(workDir: string): number {
  mkdirSync(join(workDir, 'ts', 'malformed'), { recursive: true });
  let failed = 0;
  const samples = manifest(join(workDir, 'java', 'manifest.tsv'));
  for (const [name, typeName] of samples) {
    const problems = checkSample(workDir, name, typeName);
    const findings = problems.length === 0 ? 'ok' : problems.join('\n');
    writeFileSync(join(workDir, 'ts', `${name}.check.txt`), `${findings}\n`);
    if (problems.length > 0) {
      failed++;
      console.error(`${name} (${typeName}):\n  ${problems.join('\n  ')}`);
    }
  }
  for (const [name, typeName] of manifest(join(workDir, 'java', 'malformed.tsv'))) {
    const outcome = checkMalformed(workDir, name, typeName);
    writeFileSync(join(workDir, 'ts', 'malformed', `${name}.txt`), `${outcome}\n`);
    console.log(`${name}: ${outcome}`);
    if (!outcome.startsWith(`${MalformedMessageError.name}: `)) {
      failed++;
    }
  }
  console.log(`${samples.length} samples checked, ${failed} with problems.`);
  return failed === 0 ? 0 : 1;
}

const workDir = process.argv[2];
if (workDir === undefined) {
  console.error('usage: node cross-language-check.js <work dir>');
  process.exit(2);
}
process.exit(main(workDir));
