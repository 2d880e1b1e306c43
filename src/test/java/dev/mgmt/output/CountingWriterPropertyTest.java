package dev.mgmt.output;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The spool's own encoder writes the bytes OutputStreamWriter would (so stdout is unchanged), and
 * counts them exactly (so an interrupted copy says how many items it printed whole).
 */
class CountingWriterPropertyTest {

    /** Any text, with ASCII, two- and three-byte characters, pairs and halves of pairs, cut into writes anywhere. */
    @Provide
    Arbitrary<List<String>> pieces() {
        Arbitrary<Character> c = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(5, Arbitraries.chars().range(' ', '~')),
            net.jqwik.api.Tuple.of(2, Arbitraries.of('\n', '\t', '\u001b')),
            net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('\u0080', '\u07ff')),
            net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('\u0800', '\ud7ff')),
            net.jqwik.api.Tuple.of(3, Arbitraries.chars().range('\ud800', '\udfff')),
            net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('\ue000', '\uffff')));
        return c.list().ofMaxSize(40).map(cs -> {
            StringBuilder sb = new StringBuilder();
            cs.forEach(sb::append);
            return sb.toString();
        }).list().ofMaxSize(8);
    }

    @Property(tries = 1000, seed = "20261202")
    void writes_what_the_jdk_encoder_writes_and_counts_it(@ForAll("pieces") List<String> pieces) throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (Writer jdk = new OutputStreamWriter(expected, StandardCharsets.UTF_8)) {
            for (String p : pieces) {
                jdk.write(p);
            }
        }
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        CountingWriter w = new CountingWriter(actual);
        for (int i = 0; i < pieces.size(); i++) {
            if (i % 2 == 0) {
                w.write(pieces.get(i));
            } else {
                w.write(pieces.get(i).toCharArray());
            }
        }
        w.complete();
        assertArrayEquals(expected.toByteArray(), actual.toByteArray(), String.valueOf(pieces));
        assertEquals(actual.size(), w.written());
        byte[] bytes = actual.toByteArray();
        int lastLine = -1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lastLine = i + 1;
            }
        }
        assertEquals(lastLine, w.lineEnd(0), "where the last line ends, in bytes");
    }

    @Property(tries = 50, seed = "20261202")
    void a_text_longer_than_its_buffer_arrives_whole(@ForAll("pieces") List<String> pieces) throws IOException {
        String text = String.join("", pieces).repeat(2000);
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        CountingWriter w = new CountingWriter(actual);
        w.write(text);
        w.complete();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (Writer jdk = new OutputStreamWriter(expected, StandardCharsets.UTF_8)) {
            jdk.write(text);
        }
        assertArrayEquals(expected.toByteArray(), actual.toByteArray());
        assertEquals(expected.size(), w.written());
    }
}
