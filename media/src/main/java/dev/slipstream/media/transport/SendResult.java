package dev.slipstream.media.transport;

/** What happened to one packet given to {@link MuxRegistration#send}. */
public enum SendResult {
  /** Handed to the kernel (UDP) or queued for the connection (TCP). */
  SENT,
  /** The kernel's send buffer (UDP) or the connection's queue (TCP) was full: dropped. */
  DROPPED_BUFFER_FULL,
  /** The address has not passed a connectivity check for this session, or consent expired. */
  DROPPED_NO_CONSENT,
  /** The registration or the mux is closed. */
  DROPPED_CLOSED,
  /** The operating system refused the packet; logged at DEBUG. */
  DROPPED_IO_ERROR
}
