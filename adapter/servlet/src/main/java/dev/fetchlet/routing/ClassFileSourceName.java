package dev.fetchlet.routing;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the name of the source file a class was compiled from: the class file's {@code SourceFile} attribute,
 * which {@code javac} writes by default and {@code javap -v} shows. The JDK has no reflective accessor for it,
 * so this parses just enough of the class file (the constant pool and the attribute tables) to find it.
 *
 * <pre>{@code
 * // compiled from functions/api/users/[id].java
 * ClassFileSourceName.of(UserById.class); // "[id].java"
 * }</pre>
 */
public final class ClassFileSourceName {
    private static final int MAGIC = 0xCAFEBABE;

    private ClassFileSourceName() {
    }

    /**
     * The source file name recorded in {@code type}'s class file, read through its class loader.
     *
     * @return the file name without folders, such as {@code [id].java}; null when the class was compiled
     *     without it ({@code javac -g:none}) or its class file cannot be read (a generated class)
     * @throws IllegalArgumentException if the class file is malformed
     */
    public static String of(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        ClassLoader loader = type.getClassLoader();
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource)
                : loader.getResourceAsStream(resource)) {
            return in == null ? null : read(in.readAllBytes());
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The source file name recorded in a class file's bytes, or null when it has none.
     *
     * @throws IllegalArgumentException if the bytes are not a well-formed class file
     */
    public static String read(byte[] classFile) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a class file");
            }
            in.skipNBytes(4); // minor and major version
            String[] utf8 = readConstantPool(in);
            in.skipNBytes(6); // access flags, this class, super class
            in.skipNBytes(2 * in.readUnsignedShort()); // interfaces
            skipMembers(in); // fields
            skipMembers(in); // methods
            int attributes = in.readUnsignedShort();
            for (int i = 0; i < attributes; i++) {
                String name = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if ("SourceFile".equals(name) && length == 2) {
                    return utf8[in.readUnsignedShort()];
                }
                in.skipNBytes(length & 0xFFFFFFFFL);
            }
            return null;
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("malformed class file: " + e, e);
        }
    }

    /** The constant pool's UTF-8 entries by index; other entries are skipped and left null. */
    private static String[] readConstantPool(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF(); // class files use the same modified UTF-8 as readUTF
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2); // Class, String, MethodType, Module, Package
                case 15 -> in.skipNBytes(3); // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4); // numbers, refs, NameAndType, (Invoke)Dynamic
                case 5, 6 -> { // Long and Double take two entries
                    in.skipNBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        return utf8;
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        int members = in.readUnsignedShort();
        for (int m = 0; m < members; m++) {
            in.skipNBytes(6); // access flags, name, descriptor
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                in.skipNBytes(2);
                in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
            }
        }
    }
}
