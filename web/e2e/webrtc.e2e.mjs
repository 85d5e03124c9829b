// Browser WHIP -> server SFU -> browser WHEP, in headless Chromium.
//
// One page draws the wall clock as a block pattern onto a canvas every frame and publishes
// canvas.captureStream() (plus an oscillator as audio) over WHIP; a second page plays the
// stream over WHEP and, for every displayed frame (requestVideoFrameCallback), reads the clock
// back from the picture. Both pages share the machine's clock, so the difference is the
// glass-to-glass latency.
//
// Environment:
//   BASE_URL        server root, e.g. http://127.0.0.1:8080
//   STREAM_ID       the stream to publish to and play
//   PUBLISH_KEY     its publish key (with PUBLISHER=browser)
//   PUBLISHER       "browser" (default): a page publishes over WHIP;
//                   "external": something else already publishes the clock pattern into the
//                   stream (FFmpeg over RTMP, SRT or WHIP), video only; only the viewer runs
//   LABEL           the path named in the summary line (default "whip->whep")
//   DURATION_S      how long to measure (default 10)
//   MODE            "check" (default): fail unless frames flow and the clock reads back;
//                   "latency": also print the summary line the benchmark records
//   SCREENSHOT_DIR  optional: where to save the viewer page's screenshot
//   RESULT_JSON     optional: where to write every sample as JSON
//   END             "delete" (default): both sides hang up with DELETE;
//                   "vanish": the publisher just closes its connection (no DELETE) and the
//                   script checks the viewer's connection ends and the stream goes idle
//   GRACE_S         with END=vanish, the server's reconnect grace (default 10)
//   ICE_RESTART     "1": half-way, the viewer restarts ICE over WHEP PATCH and must keep playing
//   ICE_TRANSPORT   "any" (default) or "tcp": drop the answers' UDP candidates so both pages
//                   must reach the server over ICE-TCP
// Output: "ok ..." lines, then one summary line
//   latency <LABEL>: n=<samples> p50=<ms> p95=<ms> max=<ms> receive_p50=<ms> server_estimate=<ms> ms
// Exit status: 0 on success, 1 on a failed check, 2 on missing environment.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drawClockFrame, readClockFrame } from './clock-pattern.mjs';

const env = process.env;
const external = (env.PUBLISHER ?? 'browser') === 'external';
for (const name of external ? ['BASE_URL', 'STREAM_ID'] : ['BASE_URL', 'STREAM_ID', 'PUBLISH_KEY']) {
  if (!env[name]) {
    console.error(`FAIL environment: ${name} is required`);
    process.exit(2);
  }
}
const base = env.BASE_URL.replace(/\/$/, '');
const streamId = env.STREAM_ID;
const durationS = Number(env.DURATION_S ?? '10');
const mode = env.MODE ?? 'check';
const iceTransport = env.ICE_TRANSPORT ?? 'any';

const profile = mkdtempSync(join(tmpdir(), 'slipstream-webrtc-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 800, height: 600 },
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--autoplay-policy=no-user-gesture-required',
    '--disable-background-timer-throttling', '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ],
});

let failed = false;
const fail = (check, why) => {
  failed = true;
  console.error(`FAIL ${check}: ${why}`);
};

try {
  const errors = [];
  let publisher = null;
  if (!external) {
    publisher = await browser.newPage();
    publisher.on('pageerror', (e) => errors.push(`publisher: ${e.message}`));
    await publisher.goto(`${base}/`);
    await publisher.evaluate(publishScript, {
      iceTransport,
      streamId,
      key: env.PUBLISH_KEY,
      drawSrc: drawClockFrame.toString(),
    });
    console.log('ok publisher connected over WHIP');
  }

  const viewer = await browser.newPage();
  viewer.on('pageerror', (e) => errors.push(`viewer: ${e.message}`));
  await viewer.goto(`${base}/`);
  await viewer.evaluate(playScript, { iceTransport, streamId, readSrc: readClockFrame.toString() });
  console.log('ok viewer connected over WHEP');

  if (mode !== 'latency') {
    // The app's own player page plays the same stream over WHEP.
    const app = await browser.newPage();
    app.on('pageerror', (e) => errors.push(`app player: ${e.message}`));
    app.on('console', (m) => m.type() === 'error' && errors.push(`app player console: ${m.text()}`));
    await app.goto(`${base}/watch/${streamId}`);
    try {
      await app.waitForSelector('.player__status[data-status="playing"]', { timeout: 15000 });
      const advanced = await app.evaluate(
        () =>
          new Promise((resolve) => {
            const video = document.querySelector('video.player__video');
            const start = video.currentTime;
            setTimeout(() => resolve(video.currentTime - start), 2000);
          }),
      );
      if (advanced > 1) console.log(`ok the app's player page plays the stream (${advanced.toFixed(1)} s in 2 s)`);
      else fail("app player plays", `video advanced ${advanced} s in 2 s`);
      if (env.SCREENSHOT_DIR) {
        mkdirSync(env.SCREENSHOT_DIR, { recursive: true });
        await app.screenshot({ path: join(env.SCREENSHOT_DIR, 'player-page.png') });
      }
    } catch (e) {
      fail('app player plays', e.message);
    }
    await app.close();
  }
  // The viewer counts the frames it displays, and only the page in front displays any.
  await viewer.bringToFront();

  if (env.ICE_RESTART === '1') {
    // Half-way through, the viewer restarts ICE; once the new credentials carry the connection
    // (checked for up to 10 s: Chromium may pace its first checks), frames must keep coming.
    await viewer.waitForTimeout((durationS * 1000) / 2);
    const restarted = await viewer.evaluate(() => window.__viewer.restartIce());
    let transports = [];
    let connection = '';
    let onNew = false;
    for (let waited = 0; waited <= 10_000 && !onNew; waited += 250) {
      await viewer.waitForTimeout(250);
      transports = await viewer.evaluate(() => window.__viewer.transportUfrags());
      connection = await viewer.evaluate(() => window.__viewer.pc.connectionState);
      onNew =
        connection === 'connected' &&
        transports.some((t) => t.local === restarted.local && t.state === 'connected');
    }
    // What the publisher drew and sent over the same window tells a slow viewer from a slow sender.
    const counts = async () => ({
      shown: (await viewer.evaluate(() => window.__viewer.snapshot())).frames,
      drawn: publisher ? await publisher.evaluate(() => window.__publisher.drawn()) : 0,
      sent: publisher ? await publisher.evaluate(() => window.__publisher.framesSent()) : 0,
    });
    const before = await counts();
    await viewer.waitForTimeout((durationS * 1000) / 2);
    const after = await counts();
    const since = after.shown - before.shown;
    const detail =
      `${since} frames shown since (publisher drew ${after.drawn - before.drawn}, ` +
      `sent ${after.sent - before.sent}), ours ${restarted.local}, server's ${restarted.server}`;
    if (onNew && since > (durationS / 2) * 10) {
      console.log(`ok ICE restart: new credentials in use, ${detail}`);
    } else {
      fail('ICE restart', `connection ${connection}, transports ${JSON.stringify(transports)}, ${detail}`);
    }
  } else {
    await viewer.waitForTimeout(durationS * 1000);
  }
  const result = await viewer.evaluate(() => window.__viewer.snapshot());
  if (env.SCREENSHOT_DIR) {
    mkdirSync(env.SCREENSHOT_DIR, { recursive: true });
    await viewer.screenshot({ path: join(env.SCREENSHOT_DIR, 'whep-viewer.png') });
  }
  if (env.RESULT_JSON) writeFileSync(env.RESULT_JSON, JSON.stringify(result));

  const g2g = result.samples.map((s) => s.g2g).sort((a, b) => a - b);
  const receive = result.samples.map((s) => s.receive).filter((v) => v !== null).sort((a, b) => a - b);
  const pct = (xs, p) => (xs.length === 0 ? NaN : xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]);
  const minFrames = Math.max(10, Math.floor(durationS * 10));
  if (result.frames < minFrames) fail('frames advance', `${result.frames} frames in ${durationS} s (want ≥ ${minFrames})`);
  else console.log(`ok frames advance: ${result.frames} frames shown at ${result.width}x${result.height}`);
  if (result.samples.length < result.frames * 0.8) {
    fail('clock reads back', `${result.samples.length} of ${result.frames} frames carried a readable clock`);
  } else console.log(`ok clock reads back on ${result.samples.length} of ${result.frames} frames`);
  if (!(pct(g2g, 95) < 2000)) fail('latency is sane', `p95 ${pct(g2g, 95)} ms`);
  for (const e of errors) fail('no page errors', e);

  // Sender reports: Chromium only has remote-outbound-rtp stats once RTCP SRs arrive; they are
  // what lets it line audio up with video.
  const reported = await viewer.evaluate(async () => {
    const stats = await window.__viewer.pc.getStats();
    return [...stats.values()].filter((s) => s.type === 'remote-outbound-rtp').map((s) => s.kind);
  });
  const wanted = external ? ['video'] : ['video', 'audio'];
  if (wanted.every((kind) => reported.includes(kind))) {
    console.log(`ok the viewer receives sender reports for ${wanted.join(' and ')}`);
  } else {
    fail('sender reports', `remote-outbound-rtp stats only for [${reported}]`);
  }

  // Media time: the server's per-viewer clock maps each frame's RTP timestamp to media time; the
  // drawn wall clock minus (media time zero + media time) must be the same for every frame.
  const mediaClock = await viewer.evaluate(() => window.__viewer.clock());
  const offsets = result.samples
    .filter((s) => s.rtpTimestamp !== null)
    .map((s) => {
      const ticks = (((s.rtpTimestamp - mediaClock.rtpTimestampAtZero) % 4294967296) + 4294967296) % 4294967296;
      const mediaMs = (ticks * 1000) / mediaClock.clockRate;
      return s.drawnMs - (Date.parse(mediaClock.mediaTimeZero) + mediaMs);
    })
    .map((d) => ((d % 4294967296) + 4294967296 + 2147483648) % 4294967296 - 2147483648)
    .sort((a, b) => a - b);
  const spread = pct(offsets, 95) - pct(offsets, 5);
  if (!(offsets.length > 0 && spread < 70)) {
    fail('media time maps frames', `${offsets.length} frames, drawn-vs-media-time spread ${spread} ms`);
  } else {
    console.log(
      `ok media time maps frames: ${offsets.length} frames, spread ${spread.toFixed(1)} ms, ` +
        `offset p50 ${pct(offsets, 50).toFixed(1)} ms`,
    );
  }

  // The server's own estimate of glass-to-glass, from sender and receiver reports.
  const live = await (await fetch(`${base}/api/streams/${streamId}/live`)).json();
  const estimate = live.estimatedGlassToGlassMs;
  const watching = live.viewers.find((v) => v.roundTripMs >= 0);
  if (!(estimate > 0 && watching)) {
    fail('server estimates latency', `estimate ${estimate}, viewers ${JSON.stringify(live.viewers)}`);
  } else {
    console.log(
      `ok server estimates glass-to-glass ${estimate.toFixed(1)} ms ` +
        `(ingest ${live.ingestDelayMs.toFixed(1)} ms, viewer rtt ${watching.roundTripMs.toFixed(1)} ms, ` +
        `jitter ${watching.jitterMs.toFixed(1)} ms)`,
    );
  }
  if (!external && !(live.ingestDelayMs >= 0)) {
    fail('ingest delay measured', `ingestDelayMs ${live.ingestDelayMs} for a browser publisher`);
  }

  if (!external && (env.END ?? 'delete') === 'vanish') {
    await publisher.evaluate(() => window.__publisher.vanish());
    const graceS = Number(env.GRACE_S ?? '10');
    const ended = await viewer.evaluate(
      (ms) =>
        new Promise((resolve) => {
          const pc = window.__viewer.pc;
          const done = () => ['closed', 'failed', 'disconnected'].includes(pc.connectionState);
          if (done()) resolve(pc.connectionState);
          pc.addEventListener('connectionstatechange', () => done() && resolve(pc.connectionState));
          setTimeout(() => resolve(`still ${pc.connectionState}`), ms);
        }),
      (graceS + 15) * 1000,
    );
    if (ended.startsWith('still')) fail('viewer sees the end', `viewer connection ${ended}`);
    else console.log(`ok viewer sees the end: connection ${ended}`);
    const state = await (await fetch(`${base}/api/streams/${streamId}`)).json();
    if (state.state !== 'idle') fail('stream goes idle', `stream is ${state.state}`);
    else console.log('ok stream went idle after the publisher vanished');
  } else {
    await viewer.evaluate(() => window.__viewer.stop());
    if (publisher) await publisher.evaluate(() => window.__publisher.stop());
    console.log(publisher ? 'ok both sessions deleted' : 'ok viewer session deleted');
  }

  const fmt = (v) => (Number.isFinite(v) ? v.toFixed(1) : 'NaN');
  console.log(
    `latency ${env.LABEL ?? 'whip->whep'}: n=${g2g.length} p50=${fmt(pct(g2g, 50))} p95=${fmt(pct(g2g, 95))} ` +
      `max=${fmt(g2g.at(-1))} receive_p50=${fmt(pct(receive, 50))} server_estimate=${fmt(estimate)} ms`,
  );
  if (mode === 'latency' && g2g.length === 0) fail('latency', 'no samples');
} catch (e) {
  fail('run', e?.stack ?? String(e));
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

// ---- page scripts (run inside Chromium) ----

async function publishScript({ iceTransport, streamId, key, drawSrc }) {
  const draw = new Function(`return ${drawSrc}`)();
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 360;
  document.body.prepend(canvas);
  const ctx = canvas.getContext('2d');
  let frameNo = 0;
  let running = true;
  // A timer, not requestAnimationFrame: this page is in the background while the viewer's page
  // is in front, and a background page gets no animation frames (timers run: the browser is
  // started with background timer throttling off).
  // Each drawing is captured as it is made (requestFrame), so the clock it shows is the moment
  // the frame enters the stream.
  const video = canvas.captureStream(0).getVideoTracks()[0];
  const tick = setInterval(() => {
    if (!running) {
      clearInterval(tick);
      return;
    }
    draw(ctx, performance.timeOrigin + performance.now(), frameNo++);
    video.requestFrame();
  }, 1000 / 30);
  const audioContext = new AudioContext();
  const oscillator = audioContext.createOscillator();
  const destination = audioContext.createMediaStreamDestination();
  oscillator.connect(destination);
  oscillator.start();
  const pc = new RTCPeerConnection();
  pc.addTransceiver(video, { direction: 'sendonly' });
  pc.addTransceiver(destination.stream.getAudioTracks()[0], { direction: 'sendonly' });
  await pc.setLocalDescription(await pc.createOffer());
  await new Promise((resolve) => {
    if (pc.iceGatheringState === 'complete') resolve();
    pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve());
    setTimeout(resolve, 3000);
  });
  const response = await fetch(`/api/streams/${streamId}/whip`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/sdp', Authorization: `Bearer ${key}` },
    body: pc.localDescription.sdp,
  });
  if (response.status !== 201) throw new Error(`WHIP answered ${response.status}: ${await response.text()}`);
  const location = response.headers.get('Location');
  const answer = await response.text();
  const keep = (line) => iceTransport !== 'tcp' || !/^a=candidate:\S+ \d+ udp /i.test(line);
  await pc.setRemoteDescription({ type: 'answer', sdp: answer.split('\r\n').filter(keep).join('\r\n') });
  await new Promise((resolve, reject) => {
    const check = () => {
      if (pc.connectionState === 'connected') resolve();
      if (pc.connectionState === 'failed') reject(new Error('publisher connection failed'));
    };
    pc.addEventListener('connectionstatechange', check);
    check();
    setTimeout(() => reject(new Error(`publisher still ${pc.connectionState} after 10 s`)), 10000);
  });
  window.__publisher = {
    drawn: () => frameNo,
    async framesSent() {
      const stats = await pc.getStats();
      return [...stats.values()].find((s) => s.type === 'outbound-rtp' && s.kind === 'video')?.framesSent ?? 0;
    },
    vanish() {
      running = false;
      pc.close();
    },
    async stop() {
      running = false;
      await fetch(location, { method: 'DELETE', headers: { Authorization: `Bearer ${key}` } });
      pc.close();
    },
  };
}

async function playScript({ iceTransport, streamId, readSrc }) {
  const read = new Function(`return ${readSrc}`)();
  const video = document.createElement('video');
  video.muted = true;
  video.autoplay = true;
  video.playsInline = true;
  document.body.prepend(video);
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 360;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const pc = new RTCPeerConnection();
  pc.addTransceiver('video', { direction: 'recvonly' });
  pc.addTransceiver('audio', { direction: 'recvonly' });
  pc.addEventListener('track', (event) => {
    if (event.track.kind === 'video') video.srcObject = new MediaStream([event.track]);
  });
  await pc.setLocalDescription(await pc.createOffer());
  await new Promise((resolve) => {
    if (pc.iceGatheringState === 'complete') resolve();
    pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve());
    setTimeout(resolve, 3000);
  });
  const response = await fetch(`/api/streams/${streamId}/whep`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/sdp' },
    body: pc.localDescription.sdp,
  });
  if (response.status !== 201) throw new Error(`WHEP answered ${response.status}: ${await response.text()}`);
  const location = response.headers.get('Location');
  const answer = await response.text();
  const keep = (line) => iceTransport !== 'tcp' || !/^a=candidate:\S+ \d+ udp /i.test(line);
  await pc.setRemoteDescription({ type: 'answer', sdp: answer.split('\r\n').filter(keep).join('\r\n') });

  const state = { frames: 0, unreadable: 0, samples: [], width: 0, height: 0 };
  const wrap = (ms) => {
    const m = ((ms % 4294967296) + 4294967296) % 4294967296;
    return m > 2147483648 ? m - 4294967296 : m;
  };
  const onFrame = (now, meta) => {
    state.frames++;
    state.width = meta.width;
    state.height = meta.height;
    ctx.drawImage(video, 0, 0, 640, 360);
    const drawn = read(ctx);
    if (drawn === null) state.unreadable++;
    else {
      const origin = performance.timeOrigin;
      state.samples.push({
        drawnMs: drawn,
        g2g: wrap(origin + meta.expectedDisplayTime - drawn),
        receive: meta.receiveTime === undefined ? null : wrap(origin + meta.receiveTime - drawn),
        rtpTimestamp: meta.rtpTimestamp ?? null,
      });
    }
    video.requestVideoFrameCallback(onFrame);
  };
  video.requestVideoFrameCallback(onFrame);
  const keepAnimating = () => requestAnimationFrame(keepAnimating);
  keepAnimating();
  window.__viewer = {
    pc,
    snapshot: () => ({ ...state, samples: state.samples.slice() }),
    async clock() {
      const r = await fetch(`${location}/clock`);
      if (r.status !== 200) throw new Error(`clock answered ${r.status}: ${await r.text()}`);
      return r.json();
    },
    async stop() {
      await fetch(location, { method: 'DELETE' });
      pc.close();
    },
    // ICE restart as RFC 9725 §4.3 has it: new local credentials go to the session's URL in a
    // PATCH; the server's new ones come back and replace those in the remote description.
    async restartIce() {
      pc.restartIce();
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      const ours = (name, sdp) => new RegExp(`a=${name}:(\\S+)`).exec(sdp)[1];
      const r = await fetch(location, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/trickle-ice-sdpfrag', 'If-Match': '*' },
        body: `a=ice-ufrag:${ours('ice-ufrag', offer.sdp)}\r\na=ice-pwd:${ours('ice-pwd', offer.sdp)}\r\n`,
      });
      if (r.status !== 200) throw new Error(`ICE restart PATCH answered ${r.status}: ${await r.text()}`);
      const fragment = await r.text();
      const sdp = pc.remoteDescription.sdp
        .replace(/a=ice-ufrag:\S+/g, `a=ice-ufrag:${ours('ice-ufrag', fragment)}`)
        .replace(/a=ice-pwd:\S+/g, `a=ice-pwd:${ours('ice-pwd', fragment)}`);
      await pc.setRemoteDescription({ type: 'answer', sdp });
      return { local: ours('ice-ufrag', offer.sdp), server: ours('ice-ufrag', fragment) };
    },
    async transportUfrags() {
      const stats = await pc.getStats();
      return [...stats.values()]
        .filter((s) => s.type === 'transport')
        .map((s) => ({ local: s.iceLocalUsernameFragment, state: s.iceState }));
    },
  };
}
