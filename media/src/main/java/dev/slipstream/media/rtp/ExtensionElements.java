package dev.slipstream.media.rtp;

import java.util.Arrays;

/**
 * Walks the RFC 8285 elements of a header extension block in place.
 *
 * <p>A malformed element ends the walk instead of failing the packet: the media stays usable and
 * only the extensions from the fault on are unreadable, which is what browsers do too. Removing an
 * element overwrites it with zero bytes, the padding RFC 8285 lets receivers skip, so a packet
 * never changes length when a viewer's extension ids differ from the publisher's.
 */
final class ExtensionElements {
  // Each form's number is also the size of its element header in bytes.
  static final int NONE = 0;
  static final int ONE_BYTE = 1;
  static final int TWO_BYTE = 2;

  private ExtensionElements() {}

  /** Returns {@code valueOffset << 32 | valueLength} of element {@code id}, or -1. */
  static long find(byte[] b, int start, int end, int form, int id) {
    for (int at = skipPadding(b, start, end); at < end; at = skipPadding(b, at, end)) {
      int next = elementEnd(b, at, end, form);
      if (next < 0) {
        return -1;
      }
      if (id(b, at, form) == id) {
        int value = at + form;
        return (long) value << 32 | (next - value);
      }
      at = next;
    }
    return -1;
  }

  /**
   * Gives element {@code from} the id {@code to}, or removes it when {@code to} is 0; returns false
   * when there is no such element or {@code to} does not fit the block's form.
   */
  static boolean rewriteId(byte[] b, int start, int end, int form, int from, int to) {
    if (form == ONE_BYTE && to > 14) {
      return false;
    }
    for (int at = skipPadding(b, start, end); at < end; at = skipPadding(b, at, end)) {
      int next = elementEnd(b, at, end, form);
      if (next < 0) {
        return false;
      }
      if (id(b, at, form) == from) {
        setId(b, at, next, form, to);
        return true;
      }
      at = next;
    }
    return false;
  }

  /** Gives every element the id {@code map} names; one with no id there, or too big, goes. */
  static void remap(byte[] b, int start, int end, int form, HeaderExtensionMap map) {
    for (int at = skipPadding(b, start, end); at < end; at = skipPadding(b, at, end)) {
      int next = elementEnd(b, at, end, form);
      if (next < 0) {
        return;
      }
      int to = map.viewerId(id(b, at, form));
      setId(b, at, next, form, form == ONE_BYTE && to > 14 ? 0 : to);
      at = next;
    }
  }

  private static int skipPadding(byte[] b, int at, int end) {
    while (at < end && b[at] == 0) {
      at++;
    }
    return at;
  }

  private static int id(byte[] b, int at, int form) {
    return form == ONE_BYTE ? (b[at] & 0xFF) >>> 4 : b[at] & 0xFF;
  }

  /** Returns where the element at {@code at} ends, or -1 when it is malformed or id 15. */
  private static int elementEnd(byte[] b, int at, int end, int form) {
    if (form == ONE_BYTE) {
      int first = b[at] & 0xFF;
      int next = at + 1 + (first & 0x0F) + 1;
      return first >>> 4 == 15 || next > end ? -1 : next;
    }
    if (at + 2 > end) {
      return -1;
    }
    int next = at + 2 + (b[at + 1] & 0xFF);
    return next > end ? -1 : next;
  }

  private static void setId(byte[] b, int at, int next, int form, int id) {
    if (id == 0) {
      Arrays.fill(b, at, next, (byte) 0);
    } else if (form == ONE_BYTE) {
      b[at] = (byte) (id << 4 | (b[at] & 0x0F));
    } else {
      b[at] = (byte) id;
    }
  }
}
