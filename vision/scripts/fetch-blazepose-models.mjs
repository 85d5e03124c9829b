// Fetches the BlazePose model files with npm, checks their SHA-256 against the recorded list
// and writes them where Maven packages them as classpath resources.
//
// The models come from the npm package @mediapipe/pose (Apache-2.0): the two landmark models
// are files of their own; the person detector is packed into pose_solution_packed_assets.data,
// an Emscripten packed-assets blob whose loader script lists each file's name with start and
// end offsets. This script reads those offsets and cuts the detector out.
//
// Nothing is written unless its hash matches models.sha256, so a changed or corrupted package
// fails the build instead of shipping a model nobody checked. When every output already matches,
// npm is not called at all (repeat builds stay offline and fast).
//
// Usage: node scripts/fetch-blazepose-models.mjs <npm> <package@version> <models.sha256> <out dir> <work dir>
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const [npm, packageSpec, manifestPath, outDir, workDir] = process.argv.slice(2);
if (!workDir) {
  fail('usage: fetch-blazepose-models.mjs <npm> <package@version> <models.sha256> <out dir> <work dir>');
}

const DETECTOR = 'pose_detection.tflite';
const PACKED_ASSETS = 'package/pose_solution_packed_assets.data';
const PACKED_LOADER = 'package/pose_solution_packed_assets_loader.js';
const TFLITE_MAGIC = 'TFL3';

const expected = readManifest(manifestPath);
if ([...expected.keys()].every((name) => sha256OfFile(join(outDir, name)) === expected.get(name))) {
  console.log(`vision: BlazePose models in ${outDir} match ${basename(manifestPath)}; npm not needed.`);
  process.exit(0);
}

const tarball = npmPack(packageSpec, workDir);
const entries = untar(gunzipSync(readFileSync(tarball)));
rmSync(tarball);
const models = new Map();
for (const name of expected.keys()) {
  models.set(name, name === DETECTOR ? cutDetector(entries) : entry(entries, `package/${name}`));
}
for (const [name, bytes] of models) {
  const actual = sha256(bytes);
  if (actual !== expected.get(name)) {
    fail(
      `${name} from ${packageSpec} has SHA-256 ${actual}, but ${manifestPath} expects ` +
        `${expected.get(name)}. The package changed or the download is corrupt; refusing to ` +
        'package an unverified model. Check the new file and update the recorded hash on purpose.',
    );
  }
}
mkdirSync(outDir, { recursive: true });
for (const [name, bytes] of models) {
  const target = join(outDir, name);
  writeFileSync(`${target}.part`, bytes);
  renameSync(`${target}.part`, target);
  console.log(`vision: ${name} (${bytes.length} bytes) verified, SHA-256 ${expected.get(name)}`);
}

function readManifest(path) {
  const hashes = new Map();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const match = /^([0-9a-f]{64})\s+\*?(\S+)$/.exec(trimmed);
    if (!match) fail(`${path}: "${trimmed}" is not "<sha-256 hex>  <file name>"`);
    hashes.set(match[2], match[1]);
  }
  if (hashes.size === 0) fail(`${path} lists no model files`);
  return hashes;
}

function npmPack(spec, dir) {
  mkdirSync(dir, { recursive: true });
  console.log(`vision: fetching ${spec} with npm pack`);
  const result = spawnSync(npm, ['pack', spec, '--json', '--prefer-offline', '--pack-destination', dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.error) fail(`could not run "${npm}": ${result.error.message}`);
  if (result.status !== 0) fail(`npm pack ${spec} failed with exit status ${result.status}`);
  const fileName = JSON.parse(result.stdout)[0]?.filename;
  const path = fileName && join(dir, fileName);
  if (!path || !existsSync(path)) fail(`npm pack ${spec} did not leave a tarball in ${dir}`);
  return path;
}

// A ustar reader for the few plain files npm tarballs hold; other entry kinds are skipped.
function untar(tar) {
  const files = new Map();
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start, length) => header.toString('latin1', start, start + length).replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const type = field(156, 1);
    if (type === '0' || type === '') files.set(name, tar.subarray(offset + 512, offset + 512 + size));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

function entry(entries, name) {
  const bytes = entries.get(name);
  if (!bytes) fail(`${packageSpec} has no ${name}`);
  return bytes;
}

function cutDetector(entries) {
  const loader = entry(entries, PACKED_LOADER).toString('utf8');
  const listed = new RegExp(`"filename":\\s*"([^"]*/${DETECTOR.replace('.', '\\.')})",\\s*"start":\\s*(\\d+),\\s*"end":\\s*(\\d+)`);
  const match = listed.exec(loader);
  if (!match) fail(`${PACKED_LOADER} in ${packageSpec} lists no ${DETECTOR}`);
  const [start, end] = [Number(match[2]), Number(match[3])];
  const packed = entry(entries, PACKED_ASSETS);
  if (end > packed.length || start >= end) {
    fail(`${PACKED_LOADER} places ${match[1]} at bytes ${start}..${end}, outside the ${packed.length}-byte ${PACKED_ASSETS}`);
  }
  const detector = packed.subarray(start, end);
  if (detector.toString('latin1', 4, 8) !== TFLITE_MAGIC) {
    fail(`bytes ${start}..${end} of ${PACKED_ASSETS} are not a TensorFlow Lite model (no ${TFLITE_MAGIC} identifier)`);
  }
  console.log(`vision: ${DETECTOR} is ${match[1]}, bytes ${start}..${end} of ${PACKED_ASSETS}`);
  return detector;
}

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

function sha256OfFile(path) {
  return existsSync(path) ? sha256(readFileSync(path)) : undefined;
}

function fail(message) {
  console.error(`vision: ${message}`);
  process.exit(1);
}
