package dev.slipstream.vision.scene;

/**
 * Ground truth of one athlete entering a zone: the moment the ground point under their pelvis
 * crossed into the polygon.
 *
 * @param athlete the athlete's index in the scene
 * @param mediaTimeUs when, in scene microseconds (to the millisecond)
 * @param zoneId the zone entered
 */
public record ZoneEntry(int athlete, long mediaTimeUs, String zoneId) {}
