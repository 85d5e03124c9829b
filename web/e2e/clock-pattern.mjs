// The sender's clock as a block pattern that survives video compression, and its reader.
//
// Both functions are serialised into browser pages (Function.prototype.toString), so they must
// stay self-contained: no imports, no closures over module state.
//
// Layout on a 640x360 canvas: two rows of 21 blocks, 30x30 px each, at the top-left. Block 0 of
// each row is white and block 20 black (sync). The 38 blocks between carry, row by row, the
// 32-bit wall-clock millisecond count (epoch ms mod 2^32, most significant bit first) and a
// 6-bit checksum (the bit count of the 32 bits), white meaning 1.

export const PATTERN = { blocks: 21, rows: 2, size: 30, width: 640, height: 360 };

/** Draws one frame: moving content (so every frame is encoded) and the clock pattern. */
export function drawClockFrame(ctx, epochMs, frameNo) {
  const { blocks, size, width, height } = { blocks: 21, size: 30, width: 640, height: 360 };
  ctx.fillStyle = '#2a6b3f';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#f0c419';
  const x = (frameNo * 7) % (width - 60);
  ctx.fillRect(x, 150, 60, 120);
  ctx.fillStyle = '#101010';
  ctx.fillRect(0, 0, blocks * size + 8, 2 * size + 8);
  const value = Math.floor(epochMs) % 4294967296;
  const bits = [];
  for (let i = 31; i >= 0; i--) bits.push(Math.floor(value / 2 ** i) % 2);
  const ones = bits.reduce((a, b) => a + b, 0);
  for (let i = 5; i >= 0; i--) bits.push((ones >> i) & 1);
  let k = 0;
  for (let row = 0; row < 2; row++) {
    for (let col = 0; col < blocks; col++) {
      let white;
      if (col === 0) white = true;
      else if (col === blocks - 1) white = false;
      else white = bits[k++] === 1;
      ctx.fillStyle = white ? '#ffffff' : '#000000';
      ctx.fillRect(4 + col * size, 4 + row * size, size, size);
    }
  }
}

/**
 * Reads the pattern from a canvas holding a decoded frame scaled to 640x360. Returns the epoch
 * milliseconds mod 2^32, or null when sync or checksum does not match.
 */
export function readClockFrame(ctx) {
  const blocks = 21;
  const size = 30;
  const data = ctx.getImageData(0, 0, blocks * size + 8, 2 * size + 8);
  const lum = (cx, cy) => {
    let sum = 0;
    let n = 0;
    for (let dy = -5; dy <= 5; dy++) {
      for (let dx = -5; dx <= 5; dx++) {
        const i = ((cy + dy) * data.width + (cx + dx)) * 4;
        sum += 0.299 * data.data[i] + 0.587 * data.data[i + 1] + 0.114 * data.data[i + 2];
        n++;
      }
    }
    return sum / n;
  };
  const bits = [];
  for (let row = 0; row < 2; row++) {
    for (let col = 0; col < blocks; col++) {
      const white = lum(4 + col * size + size / 2, 4 + row * size + size / 2) > 128;
      if (col === 0 && !white) return null;
      if (col === blocks - 1 && white) return null;
      if (col > 0 && col < blocks - 1) bits.push(white ? 1 : 0);
    }
  }
  let value = 0;
  for (let i = 0; i < 32; i++) value = value * 2 + bits[i];
  let ones = 0;
  for (let i = 0; i < 32; i++) ones += bits[i];
  let check = 0;
  for (let i = 32; i < 38; i++) check = check * 2 + bits[i];
  return check === ones ? value : null;
}
