package dev.fetchlet.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code SourceFile} attribute, read past every kind of constant pool entry and member javac writes. */
class ClassFileSourceNameTest {

    @Test
    void classesFullOfConstantsLambdasAndAnnotations(@TempDir Path dir) throws Exception {
        ClassLoader loader = new CompiledSources(dir)
                .file("functions/api/[[rest]].java", """
                        package functions.api;
                        import java.util.function.Supplier;
                        @Deprecated
                        class Busy {
                            static final long BIG = 1L << 40;
                            static final double HALF = 0.5;
                            static final float F = 1.5f;
                            static final int I = 123_456;
                            long l = BIG + 1;
                            double d = HALF * 3;
                            String s = "é and emoji \\uD83D\\uDE00";
                            Supplier<String> lambda = () -> s + l + d;
                            Runnable ref = this::toString;
                            record Point(int x, int y) {}
                            enum Color { RED, GREEN }
                            @Override public String toString() { return switch (I) { case 1 -> "a"; default -> "b"; }; }
                        }
                        """)
                .compile();
        assertEquals("[[rest]].java", ClassFileSourceName.of(loader.loadClass("functions.api.Busy")));
        assertEquals("[[rest]].java", ClassFileSourceName.of(loader.loadClass("functions.api.Busy$Point")),
                "nested classes record their outer file");
        assertEquals("[[rest]].java", ClassFileSourceName.of(loader.loadClass("functions.api.Busy$Color")));
    }

    @Test
    void classesOfTheJdkAndOfThisProject() {
        assertEquals("String.java", ClassFileSourceName.of(String.class));
        assertEquals("SourceRoutes.java", ClassFileSourceName.of(SourceRoutes.class));
    }

    @Test
    void aNonClassFileIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClassFileSourceName.read(new byte[] {1, 2, 3, 4, 5}));
        assertThrows(IllegalArgumentException.class,
                () -> ClassFileSourceName.read(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE}));
    }
}
