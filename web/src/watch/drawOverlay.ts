/** Draws one analytics frame over the video: boxes, speed labels, skeletons and trails. */
import type { AnalyticsBuffer, OverlayFrame } from './analyticsBuffer';

export interface Layers {
  boxes: boolean;
  speeds: boolean;
  skeletons: boolean;
  trails: boolean;
}

/** BlazePose landmark pairs drawn as bones: arms, shoulders, torso, hips, legs, feet. */
const BONES: [number, number][] = [
  [11, 13], [13, 15], [12, 14], [14, 16], [11, 12], [11, 23], [12, 24], [23, 24],
  [23, 25], [25, 27], [24, 26], [26, 28], [27, 29], [29, 31], [28, 30], [30, 32],
];

const TRAIL_US = 1_500_000;

/**
 * Draws `frame` on `context`, whose canvas covers the video picture exactly (`scale` maps the
 * analytics frame's pixels to the canvas's).
 */
export function drawOverlay(
  context: CanvasRenderingContext2D,
  frame: OverlayFrame | null,
  buffer: AnalyticsBuffer,
  layers: Layers,
  scaleX: number,
  scaleY: number,
): void {
  context.clearRect(0, 0, context.canvas.width, context.canvas.height);
  if (!frame) return;
  context.lineWidth = 2;
  context.font = '600 13px system-ui, sans-serif';
  for (const track of frame.tracks) {
    if (!track.confirmed) continue;
    const x = track.box.x * scaleX;
    const y = track.box.y * scaleY;
    const w = track.box.width * scaleX;
    const h = track.box.height * scaleY;
    if (layers.trails) {
      const trail = buffer.trail(track.trackId, frame.mediaTimeUs, TRAIL_US);
      context.strokeStyle = 'rgba(53, 224, 161, 0.55)';
      context.beginPath();
      trail.forEach(([px, py], i) => (i === 0 ? context.moveTo(px * scaleX, py * scaleY) : context.lineTo(px * scaleX, py * scaleY)));
      context.stroke();
    }
    if (layers.boxes) {
      context.strokeStyle = '#35e0a1';
      context.strokeRect(x, y, w, h);
    }
    if (layers.speeds) {
      const label = `#${track.trackId} ${track.speedMps.toFixed(1)} m/s`;
      const width = context.measureText(label).width + 8;
      context.fillStyle = 'rgba(4, 19, 13, 0.8)';
      context.fillRect(x, Math.max(0, y - 18), width, 17);
      context.fillStyle = '#35e0a1';
      context.fillText(label, x + 4, Math.max(13, y - 5));
    }
  }
  if (layers.skeletons) {
    context.strokeStyle = '#ffbf5e';
    for (const pose of frame.poses) {
      context.beginPath();
      for (const [a, b] of BONES) {
        const from = pose.keypoints[a];
        const to = pose.keypoints[b];
        if (!from || !to) continue;
        const [ax, ay, av] = from;
        const [bx, by, bv] = to;
        if (av < 0.5 || bv < 0.5) continue;
        context.moveTo(ax * scaleX, ay * scaleY);
        context.lineTo(bx * scaleX, by * scaleY);
      }
      context.stroke();
    }
  }
}
