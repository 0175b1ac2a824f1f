package org.nde4j.solve.adjoint;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Measures what an object keeps alive, independently of what the object says about itself: walks
 * every instance field reachable from it (reflection) and adds up the payload of every array
 * reached ({@code length × element size}). JDK collections and maps are walked through their
 * elements; other JDK objects are leaves (none of the recordings holds data in one).
 */
final class RetainedBytes {
  private RetainedBytes() {}

  static long of(Object root) {
    IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
    ArrayDeque<Object> todo = new ArrayDeque<>();
    todo.push(root);
    long bytes = 0;
    while (!todo.isEmpty()) {
      Object o = todo.pop();
      if (o == null || seen.put(o, Boolean.TRUE) != null) {
        continue;
      }
      Class<?> c = o.getClass();
      if (c.isArray()) {
        int len = Array.getLength(o);
        Class<?> e = c.getComponentType();
        if (e.isPrimitive()) {
          bytes += (long) len * (e == long.class || e == double.class ? 8
              : e == int.class || e == float.class ? 4 : e == boolean.class || e == byte.class
                  ? 1 : 2);
        } else {
          bytes += 8L * len;
          for (int i = 0; i < len; i++) {
            push(todo, Array.get(o, i));
          }
        }
      } else if (o instanceof Collection<?> col && c.getName().startsWith("java.")) {
        col.forEach(x -> push(todo, x));
      } else if (o instanceof Map<?, ?> map && c.getName().startsWith("java.")) {
        map.forEach((k, v) -> {
          push(todo, k);
          push(todo, v);
        });
      } else if (!jdk(c) && !c.isEnum()) {
        for (Class<?> k = c; k != null && !jdk(k); k = k.getSuperclass()) {
          for (Field f : k.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
              continue;
            }
            try {
              f.setAccessible(true);
              push(todo, f.get(o));
            } catch (ReflectiveOperationException | RuntimeException ex) {
              throw new IllegalStateException("cannot read " + f, ex);
            }
          }
        }
      }
    }
    return bytes;
  }

  private static boolean jdk(Class<?> c) {
    return c.getName().startsWith("java.") || c.getName().startsWith("jdk.");
  }

  private static void push(ArrayDeque<Object> todo, Object o) {
    if (o != null) {
      todo.push(o);
    }
  }
}
