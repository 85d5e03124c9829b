package dev.slipstream.vision.scene;

/**
 * Ground truth of one jump.
 *
 * @param athlete the athlete's index in the scene
 * @param takeOffUs when their feet left the ground, in scene microseconds
 * @param landingUs when they landed
 * @param heightM how high their feet rose
 */
public record ScriptedJump(int athlete, long takeOffUs, long landingUs, double heightM) {}
