package dev.slipstream.vision.pose.blazepose;

import java.util.Arrays;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorflowlite.BuiltinOpResolver;
import org.bytedeco.tensorflowlite.FlatBufferModel;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.InterpreterBuilder;
import org.bytedeco.tensorflowlite.TfLiteIntArray;
import org.bytedeco.tensorflowlite.TfLiteTensor;

/**
 * One TensorFlow Lite interpreter over one verified model file, with float input 0 and float
 * outputs. The model's bytes live in native memory owned here for as long as the interpreter, as
 * TensorFlow Lite reads them in place. Not thread-safe: one caller at a time.
 */
final class TfLiteInterpreter implements AutoCloseable {

  private static final int TFLITE_OK = 0;
  private static final int FLOAT32 = 1;

  private final String where;
  private final BytePointer modelBytes;
  private final FlatBufferModel model;
  private final BuiltinOpResolver resolver;
  private final Interpreter interpreter;
  private final int inputSize;
  private boolean closed;

  private TfLiteInterpreter(
      String where,
      BytePointer modelBytes,
      FlatBufferModel model,
      BuiltinOpResolver resolver,
      Interpreter interpreter) {
    this.where = where;
    this.modelBytes = modelBytes;
    this.model = model;
    this.resolver = resolver;
    this.interpreter = interpreter;
    this.inputSize = elementCount(interpreter.input_tensor(0));
  }

  /**
   * Loads {@code fileName} from {@code source}, checks its hash, builds the interpreter with {@code
   * threads} threads and checks input 0 and the first outputs have the expected float shapes.
   *
   * @throws ModelFileException naming the file when any step fails
   */
  static TfLiteInterpreter load(
      ModelSource source, String fileName, int threads, int[] inputShape, int[]... outputShapes) {
    byte[] bytes = ModelFiles.read(source, fileName);
    String where = ModelFiles.describe(source, fileName);
    BytePointer modelBytes = new BytePointer(bytes.length);
    modelBytes.put(bytes);
    FlatBufferModel model = FlatBufferModel.VerifyAndBuildFromBuffer(modelBytes, bytes.length);
    if (model == null || model.isNull()) {
      modelBytes.close();
      throw new ModelFileException("model file " + where + " is not a valid TensorFlow Lite model");
    }
    BuiltinOpResolver resolver = new BuiltinOpResolver();
    Interpreter interpreter = new Interpreter((Pointer) null);
    try (InterpreterBuilder builder = new InterpreterBuilder(model, resolver)) {
      builder.SetNumThreads(threads);
      if (builder.apply(interpreter) != TFLITE_OK
          || interpreter.isNull()
          || interpreter.AllocateTensors() != TFLITE_OK) {
        throw new ModelFileException(
            "model file " + where + " cannot be run by TensorFlow Lite (unsupported operations?)");
      }
      TfLiteInterpreter loaded =
          new TfLiteInterpreter(where, modelBytes, model, resolver, interpreter);
      loaded.expectShape("input 0", interpreter.input_tensor(0), inputShape);
      for (int i = 0; i < outputShapes.length; i++) {
        loaded.expectShape("output " + i, interpreter.output_tensor(i), outputShapes[i]);
      }
      return loaded;
    } catch (RuntimeException e) {
      interpreter.close();
      resolver.close();
      model.close();
      modelBytes.close();
      throw e;
    }
  }

  /** Copies {@code values} into input 0; its length must be the tensor's element count. */
  void setInput(float[] values) {
    checkOpen();
    if (values.length != inputSize) {
      throw new IllegalArgumentException(
          "input 0 of " + where + " takes " + inputSize + " floats (got " + values.length + ")");
    }
    interpreter.typed_input_tensor_float(0).put(values, 0, values.length);
  }

  /** Runs the model; returns false when TensorFlow Lite reports an error. */
  boolean invoke() {
    checkOpen();
    return interpreter.Invoke() == TFLITE_OK;
  }

  /** Copies output {@code index} into {@code into}, which holds exactly its elements. */
  void readOutput(int index, float[] into) {
    checkOpen();
    FloatPointer output = interpreter.typed_output_tensor_float(index);
    output.get(into, 0, into.length);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    interpreter.close();
    resolver.close();
    model.close();
    modelBytes.close();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the interpreter for " + where + " is closed");
    }
  }

  private void expectShape(String what, TfLiteTensor tensor, int[] expected) {
    int[] actual = shape(tensor);
    if (tensor.type() != FLOAT32 || !Arrays.equals(actual, expected)) {
      throw new ModelFileException(
          "model file "
              + where
              + " has "
              + what
              + " of shape "
              + Arrays.toString(actual)
              + " and type "
              + tensor.type()
              + "; this code expects float32 "
              + Arrays.toString(expected));
    }
  }

  private static int[] shape(TfLiteTensor tensor) {
    TfLiteIntArray dims = tensor.dims();
    int[] shape = new int[dims.size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = dims.data(i);
    }
    return shape;
  }

  private static int elementCount(TfLiteTensor tensor) {
    return Arrays.stream(shape(tensor)).reduce(1, (a, b) -> a * b);
  }
}
