package org.nde4j.learn.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nde4j.tensor.Tensor;

/**
 * The contents of a safetensors file: named tensors (converted to {@code double}), the dtype each
 * was stored in, and the free-form {@code __metadata__} string map.
 *
 * @param tensors  name → tensor, in the order of their data in the file; unmodifiable
 * @param dtypes   name → the dtype the tensor was stored in; unmodifiable, same keys
 * @param metadata the {@code __metadata__} entries (empty when the header has none); unmodifiable
 */
public record SafetensorsFile(
    Map<String, Tensor> tensors, Map<String, SafetensorsDtype> dtypes,
    Map<String, String> metadata) {

  public SafetensorsFile {
    tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    dtypes = Collections.unmodifiableMap(new LinkedHashMap<>(dtypes));
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /**
   * The tensor called {@code name}.
   *
   * @throws IllegalArgumentException naming the tensor and the names present if there is none
   */
  public Tensor tensor(String name) {
    Tensor t = tensors.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no tensor '" + name + "' (present: "
          + String.join(", ", tensors.keySet()) + ")");
    }
    return t;
  }
}
