/**
 * How long the video should wait in its jitter buffer so that, for each frame shown, the
 * analytics of the moments on either side of it are already here (so boxes are interpolated, not
 * guessed ahead). For each analytics frame that arrives it measures how much more delay the video
 * would have needed for that frame to be here one analytics interval (plus a margin) before its
 * moment is shown. Every batch of arrivals it raises the delay by a high percentile of that need
 * at once, or lowers it by one small step when even the worst arrival had room to spare, so the
 * video does not keep speeding up and slowing down. It acts on what it observes under the delay
 * in force, so it needs no knowledge of how the browser applies the delay.
 */
const BATCH = 15;
const PERCENTILE = 0.9;
const MARGIN_MS = 30;
const MIN_MS = 0;
const MAX_MS = 1000;
const STEP_MS = 20;
const LOWER_AFTER_MS = 5000;

export class AdaptivePlayoutDelay {
  private needsMs: number[] = [];
  private targetMs: number;
  private lastChangeAt = 0;
  private intervalMs = 66;
  private lastArrivalMediaUs: number | null = null;

  constructor(initialMs = 150) {
    this.targetMs = initialMs;
  }

  /**
   * Records an analytics frame for `frameMediaUs` arriving while the video shows `shownMediaUs`
   * (with the current delay in force); `now` is wall-clock ms.
   */
  record(frameMediaUs: number, shownMediaUs: number, now: number): void {
    if (this.lastArrivalMediaUs !== null && frameMediaUs > this.lastArrivalMediaUs) {
      const step = (frameMediaUs - this.lastArrivalMediaUs) / 1000;
      if (step < 500) this.intervalMs = this.intervalMs * 0.9 + step * 0.1;
    }
    this.lastArrivalMediaUs = Math.max(this.lastArrivalMediaUs ?? frameMediaUs, frameMediaUs);
    this.needsMs.push((shownMediaUs - frameMediaUs) / 1000 + this.intervalMs + MARGIN_MS);
    if (this.needsMs.length >= BATCH) this.decide(now);
  }

  /** The playout delay to ask the video for, in ms. */
  get target(): number {
    return this.targetMs;
  }

  private decide(now: number): void {
    const sorted = [...this.needsMs].sort((a, b) => a - b);
    this.needsMs = [];
    const need = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * PERCENTILE))]!;
    if (need > 0) {
      this.set(this.targetMs + Math.ceil(need / STEP_MS) * STEP_MS, now);
    } else if (sorted[sorted.length - 1]! < -STEP_MS && now - this.lastChangeAt > LOWER_AFTER_MS) {
      this.set(this.targetMs - STEP_MS, now);
    }
  }

  private set(ms: number, now: number): void {
    this.targetMs = Math.min(MAX_MS, Math.max(MIN_MS, ms));
    this.lastChangeAt = now;
  }
}
