package dev.slipstream.wire;

import com.google.protobuf.Message;

/**
 * One sample message of the cross-language check, with a file-safe name.
 *
 * @param name lower-case words joined by dashes; names the files the sample is written to
 * @param message the sample, with every field it uses set to a non-default value
 */
record SampleCase(String name, Message message) {

  SampleCase {
    if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException(
          "sample name \"" + name + "\" must be lower-case words joined by dashes");
    }
  }

  /** Returns the fully qualified protobuf name of the sample's type. */
  String typeName() {
    return message.getDescriptorForType().getFullName();
  }
}
