package dev.slipstream.vision.detect.onnx;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes one protobuf message field by field with protobuf-java's {@link CodedOutputStream}: enough
 * of the wire format (varints, floats, strings, bytes, nested messages) to write ONNX models in
 * tests without a generated schema.
 */
final class ProtoMessage {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

  ProtoMessage int64(int field, long value) {
    return write(() -> out.writeInt64(field, value));
  }

  ProtoMessage float32(int field, float value) {
    return write(() -> out.writeFloat(field, value));
  }

  ProtoMessage string(int field, String value) {
    return write(() -> out.writeString(field, value));
  }

  ProtoMessage bytes(int field, byte[] value) {
    return write(() -> out.writeByteArray(field, value));
  }

  /** Writes {@code value} as an embedded message: on the wire, the same as bytes. */
  ProtoMessage message(int field, ProtoMessage value) {
    return bytes(field, value.toByteArray());
  }

  byte[] toByteArray() {
    write(out::flush);
    return bytes.toByteArray();
  }

  private interface Write {
    void run() throws IOException;
  }

  private ProtoMessage write(Write write) {
    try {
      write.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
