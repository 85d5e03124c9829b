package dev.slipstream.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks that the cross-language samples exercise the whole schema, so a field that one language
 * reads differently cannot hide behind a default value.
 */
class SampleCoverageTest {

  private static final long MAX_SAFE_JS_INTEGER = (1L << 53) - 1;

  @Test
  void everyProtoFileOfTheModuleIsListedInTheSamples() throws IOException {
    Path protoRoot = Path.of("src", "main", "proto");
    List<String> onDisk;
    try (Stream<Path> files = Files.walk(protoRoot)) {
      onDisk =
          files
              .filter(p -> p.toString().endsWith(".proto"))
              .map(p -> protoRoot.relativize(p).toString().replace('\\', '/'))
              .sorted()
              .toList();
    }

    assertThat(WireSamples.FILES.stream().map(FileDescriptor::getName).sorted().toList())
        .as("WireSamples.FILES must list every .proto file under %s", protoRoot)
        .isEqualTo(onDisk);
  }

  @Test
  void everyFieldOfEveryMessageHoldsANonDefaultValueInSomeSample() {
    List<String> declared = new ArrayList<>();
    for (FileDescriptor file : WireSamples.FILES) {
      for (Descriptor type : file.getMessageTypes()) {
        addFields(type, declared);
      }
    }
    TreeSet<String> setSomewhere = new TreeSet<>();
    forEachSetField((field, value) -> setSomewhere.add(field.getFullName()));

    assertThat(declared).as("fields never set in any sample").isSubsetOf(setSomewhere);
  }

  @Test
  void samplesHoldInt64ValuesBeyondJavaScriptsSafeIntegersAndBelowZero() {
    List<Long> int64Values = new ArrayList<>();
    forEachSetField(
        (field, value) -> {
          if (field.getJavaType() == FieldDescriptor.JavaType.LONG) {
            int64Values.add((Long) value);
          }
        });

    assertThat(int64Values).anyMatch(v -> v > MAX_SAFE_JS_INTEGER).anyMatch(v -> v < 0);
  }

  @Test
  void everyFloatInTheSamplesPrintsTheSameInJavaAndJavaScript() {
    // JavaScript prints the shortest decimal of a float widened to double, Java that of the
    // float itself; the two agree only for values a double holds exactly with few digits.
    List<String> inexact = new ArrayList<>();
    forEachSetField(
        (field, value) -> {
          if (value instanceof Float f && Double.parseDouble(f.toString()) != f.doubleValue()) {
            inexact.add(field.getFullName() + " = " + f);
          }
        });

    assertThat(inexact).as("floats that would print differently").isEmpty();
  }

  @Test
  void everySampleIsChangedByItsTypeScriptEdit() {
    for (SampleCase sample : WireSamples.all()) {
      assertThat(WireSamples.edited(sample.message()))
          .as("edit of %s", sample.name())
          .isNotEqualTo(sample.message());
    }
  }

  @Test
  void sampleNamesAreUnique() {
    List<String> names = WireSamples.all().stream().map(SampleCase::name).toList();

    assertThat(names).doesNotHaveDuplicates();
  }

  private static void addFields(Descriptor type, List<String> out) {
    type.getFields().forEach(f -> out.add(f.getFullName()));
    type.getNestedTypes().forEach(nested -> addFields(nested, out));
  }

  /** Calls {@code visitor} with every set field of every sample and its nested messages. */
  private static void forEachSetField(FieldVisitor visitor) {
    Deque<Message> pending = new ArrayDeque<>();
    WireSamples.all().forEach(s -> pending.push(s.message()));
    while (!pending.isEmpty()) {
      for (Map.Entry<FieldDescriptor, Object> entry : pending.pop().getAllFields().entrySet()) {
        FieldDescriptor field = entry.getKey();
        Collection<?> values =
            field.isRepeated() ? (Collection<?>) entry.getValue() : List.of(entry.getValue());
        for (Object value : values) {
          if (value instanceof Message nested) {
            pending.push(nested);
          }
          visitor.visit(field, value);
        }
      }
    }
  }

  @FunctionalInterface
  private interface FieldVisitor {
    void visit(FieldDescriptor field, Object value);
  }
}
