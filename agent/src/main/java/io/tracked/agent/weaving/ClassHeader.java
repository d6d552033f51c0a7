package io.tracked.agent.weaving;

import java.nio.charset.StandardCharsets;

/**
 * The names a class file declares as its supertypes, read straight from its bytes (constant pool,
 * then {@code super_class} and {@code interfaces}) without parsing its members. Cheap enough to run
 * on a host's class-loading thread.
 *
 * @param superName internal name of the superclass, or {@code null} for {@code java/lang/Object}
 * @param interfaces internal names of the directly implemented interfaces
 */
record ClassHeader(String superName, String[] interfaces) {

  /** The header, or {@code null} when the bytes are not a class file this reader understands. */
  static ClassHeader read(byte[] bytes) {
    try {
      if (bytes.length < 10 || u4(bytes, 0) != 0xCAFEBABE) {
        return null;
      }
      int count = u2(bytes, 8);
      int[] offsets = new int[count];
      int position = 10;
      for (int i = 1; i < count; i++) {
        offsets[i] = position;
        int tag = bytes[position] & 0xFF;
        switch (tag) {
          case 1: position += 3 + u2(bytes, position + 1); break; // Utf8
          case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18: position += 5; break;
          case 5: case 6: position += 9; i++; break; // Long, Double take two slots
          case 7: case 8: case 16: case 19: case 20: position += 3; break;
          case 15: position += 4; break;
          default: return null;
        }
      }
      position += 4; // access_flags, this_class
      String superName = className(bytes, offsets, u2(bytes, position));
      int interfaceCount = u2(bytes, position + 2);
      String[] interfaces = new String[interfaceCount];
      for (int i = 0; i < interfaceCount; i++) {
        interfaces[i] = className(bytes, offsets, u2(bytes, position + 4 + 2 * i));
      }
      return new ClassHeader(superName, interfaces);
    } catch (RuntimeException malformed) {
      return null;
    }
  }

  private static String className(byte[] bytes, int[] offsets, int index) {
    if (index == 0) {
      return null;
    }
    int utf8 = offsets[u2(bytes, offsets[index] + 1)];
    int length = u2(bytes, utf8 + 1);
    // Class names in practice are ASCII; modified UTF-8 differs from UTF-8 only for NUL and supplementary chars.
    return new String(bytes, utf8 + 3, length, StandardCharsets.UTF_8);
  }

  private static int u2(byte[] bytes, int at) {
    return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
  }

  private static int u4(byte[] bytes, int at) {
    return (u2(bytes, at) << 16) | u2(bytes, at + 2);
  }
}
