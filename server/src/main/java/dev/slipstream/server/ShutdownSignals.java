package dev.slipstream.server;

import sun.misc.Signal;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into an orderly stop: the handler only releases the main
 * thread, which closes everything in reverse order of opening and then exits with status 0. The
 * JVM's default handling would exit with 130/143 while shutdown hooks raced each other.
 */
final class ShutdownSignals {
  private ShutdownSignals() {}

  static void onStop(Runnable stop) {
    for (String name : new String[] {"INT", "TERM"}) {
      Signal.handle(new Signal(name), signal -> stop.run());
    }
  }
}
