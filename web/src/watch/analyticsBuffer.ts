/**
 * The analytics frames of the last few seconds, by media time, and the one that belongs to the
 * frame on screen: analytics for a frame usually arrive after the video frame is shown (vision
 * takes tens of ms, WebRTC a few), so the overlay draws the newest analytics at or before the
 * displayed media time, and nothing when that is too old to be the same moment.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OverlayTrack {
  trackId: number;
  box: Box;
  speedMps: number;
  confirmed: boolean;
}

export interface OverlayPose {
  trackId: number;
  /** 33 BlazePose landmarks as [x, y, visibility]. */
  keypoints: [number, number, number][];
}

export interface OverlayFrame {
  mediaTimeUs: number;
  width: number;
  height: number;
  tracks: OverlayTrack[];
  poses: OverlayPose[];
}

const KEEP_US = 5_000_000;

export class AnalyticsBuffer {
  private frames: OverlayFrame[] = [];

  /** Adds a frame; frames may arrive out of order. */
  add(frame: OverlayFrame): void {
    const frames = this.frames;
    let i = frames.length;
    while (i > 0 && frames[i - 1]!.mediaTimeUs > frame.mediaTimeUs) i--;
    if (i > 0 && frames[i - 1]!.mediaTimeUs === frame.mediaTimeUs) return;
    frames.splice(i, 0, frame);
    const newest = frames[frames.length - 1]!.mediaTimeUs;
    while (frames.length > 0 && frames[0]!.mediaTimeUs < newest - KEEP_US) frames.shift();
  }

  /** The newest frame at or before `mediaTimeUs`, if it is within `toleranceUs` of it. */
  at(mediaTimeUs: number, toleranceUs: number): OverlayFrame | null {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const frame = this.frames[i]!;
      if (frame.mediaTimeUs <= mediaTimeUs) {
        return mediaTimeUs - frame.mediaTimeUs <= toleranceUs ? frame : null;
      }
    }
    return null;
  }

  /** The first frame after `mediaTimeUs`, if any: the other side for interpolation. */
  after(mediaTimeUs: number): OverlayFrame | null {
    for (const frame of this.frames) if (frame.mediaTimeUs > mediaTimeUs) return frame;
    return null;
  }

  /** A track's box centres-bottom (its feet) over the frames up to `mediaTimeUs`, oldest first. */
  trail(trackId: number, mediaTimeUs: number, spanUs: number): [number, number][] {
    const points: [number, number][] = [];
    for (const frame of this.frames) {
      if (frame.mediaTimeUs > mediaTimeUs || frame.mediaTimeUs < mediaTimeUs - spanUs) continue;
      const track = frame.tracks.find((t) => t.trackId === trackId);
      if (track) points.push([track.box.x + track.box.width / 2, track.box.y + track.box.height]);
    }
    return points;
  }

  get size(): number {
    return this.frames.length;
  }
}
