package dev.slipstream.vision.detect;

/** Which OpenCV background model tells moving people from the static scene. */
public enum BackgroundModel {
  /**
   * Mixture of Gaussians per pixel (Zivkovic's MOG2): fast, adapts to gradual light changes; the
   * default.
   */
  MOG2,
  /**
   * K nearest neighbours per pixel: copes better with backgrounds that flicker (crowds, leaves), at
   * roughly twice MOG2's cost.
   */
  KNN
}
