package dev.slipstream.vision.detect.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds a small ONNX model (opset 13, IR version 8) node by node and writes it as ONNX's {@code
 * ModelProto}, encoded by hand from the field numbers of {@code onnx.proto}: model (ir_version 1,
 * graph 7, opset_import 8), graph (node 1, name 2, initializer 5, input 11, output 12), node (input
 * 1, output 2, op_type 4, attribute 5), attribute (name 1, i 3, ints 8, type 20), tensor (dims 1,
 * data_type 2, name 8, raw_data 9), value info (name 1, type 2), type (tensor_type 1), tensor type
 * (elem_type 1, shape 2), dimension (dim_value 1, dim_param 2).
 */
final class OnnxGraph {
  private static final int FLOAT = 1;
  private static final int INT64 = 7;
  private static final int ATTRIBUTE_INT = 2;
  private static final int ATTRIBUTE_INTS = 7;

  private final ProtoMessage graph = new ProtoMessage().string(2, "test-detector");
  private int counter;

  /** One attribute of a node: an integer or a list of integers. */
  record Attribute(String name, long[] values, boolean list) {
    static Attribute of(String name, long value) {
      return new Attribute(name, new long[] {value}, false);
    }

    static Attribute ints(String name, long... values) {
      return new Attribute(name, values, true);
    }
  }

  /** Declares a float32 graph input; a dimension of -1 is named, that is left open. */
  OnnxGraph input(String name, long... shape) {
    graph.message(11, valueInfo(name, shape));
    return this;
  }

  /** Declares a float32 graph output; a dimension of -1 is named, that is left open. */
  OnnxGraph output(String name, long... shape) {
    graph.message(12, valueInfo(name, shape));
    return this;
  }

  /** Adds a float32 constant (an initializer) and returns its name. */
  String floats(long[] shape, float... values) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float value : values) {
      raw.putFloat(value);
    }
    return initializer(FLOAT, shape, raw.array());
  }

  /** Adds an int64 constant (an initializer) and returns its name. */
  String int64s(long... values) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (long value : values) {
      raw.putLong(value);
    }
    return initializer(INT64, new long[] {values.length}, raw.array());
  }

  /** Adds a node of {@code op} and returns the name of its (single) output. */
  String node(String op, String[] inputs, Attribute... attributes) {
    return nodeNamed(op + "_" + counter++, op, inputs, attributes);
  }

  /** Adds a node of {@code op} whose output is named {@code output}, and returns that name. */
  String nodeNamed(String output, String op, String[] inputs, Attribute... attributes) {
    ProtoMessage node = new ProtoMessage();
    for (String in : inputs) {
      node.string(1, in);
    }
    node.string(2, output).string(4, op);
    for (Attribute attribute : attributes) {
      ProtoMessage a = new ProtoMessage().string(1, attribute.name());
      if (attribute.list()) {
        for (long value : attribute.values()) {
          a.int64(8, value);
        }
        a.int64(20, ATTRIBUTE_INTS);
      } else {
        a.int64(3, attribute.values()[0]).int64(20, ATTRIBUTE_INT);
      }
      node.message(5, a);
    }
    graph.message(1, node);
    return output;
  }

  /** Returns the model's bytes. */
  byte[] toByteArray() {
    return new ProtoMessage()
        .int64(1, 8)
        .string(2, "slipstream-test")
        .message(7, graph)
        .message(8, new ProtoMessage().string(1, "").int64(2, 13))
        .toByteArray();
  }

  /** Writes the model to {@code file} and returns the file. */
  Path writeTo(Path file) throws IOException {
    return Files.write(file, toByteArray());
  }

  private String initializer(int type, long[] shape, byte[] raw) {
    String name = "const_" + counter++;
    ProtoMessage tensor = new ProtoMessage();
    for (long dim : shape) {
      tensor.int64(1, dim);
    }
    tensor.int64(2, type).string(8, name).bytes(9, raw);
    graph.message(5, tensor);
    return name;
  }

  private static ProtoMessage valueInfo(String name, long[] shape) {
    ProtoMessage dims = new ProtoMessage();
    for (int i = 0; i < shape.length; i++) {
      ProtoMessage dim =
          shape[i] < 0
              ? new ProtoMessage().string(2, name + "_dim" + i)
              : new ProtoMessage().int64(1, shape[i]);
      dims.message(1, dim);
    }
    ProtoMessage tensorType = new ProtoMessage().int64(1, FLOAT).message(2, dims);
    return new ProtoMessage().string(1, name).message(2, new ProtoMessage().message(1, tensorType));
  }
}
