package dev.mgmt.sandbox;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any fault spec text is a spec or a one-line reason, never another exception. */
class FaultSpecPropertyTest {

    @Property(tries = 500, seed = "20261202")
    void any_text_is_a_spec_or_a_reason(@ForAll String text) {
        check(text);
    }

    @Property(tries = 500, seed = "20261202")
    void spec_like_text_is_a_spec_or_a_reason(@ForAll("specs") String text) {
        check(text);
    }

    @Provide
    Arbitrary<String> specs() {
        Arbitrary<String> key = Arbitraries.of("latency", "jitter", "error", "burst", "retry-after", "retry-after-header",
            "reset", "truncate", "failure200", "deployfail", "skew", "path", "method", "html502", "html504", "seed", "x");
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of("", "200ms", "+2h", "-1s", "1.5s", "503x2", "503@0.5",
            "2@", "@@", "after-headers@0.3", "POST|put", "[(", "99999999999999999999h", "0.0000001ms", "-", "1e9"),
            Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> pair = Arbitraries.oneOf(key, key.flatMap(k -> value.map(v -> k + "=" + v)));
        return pair.list().ofMaxSize(6).map(l -> String.join(",", l));
    }

    private static void check(String text) {
        try {
            assertNotNull(FaultSpec.parse(text));
        } catch (IllegalArgumentException e) {
            assertEquals(IllegalArgumentException.class, e.getClass(), "not worded by mgmt: " + e);
            String m = e.getMessage();
            assertTrue(m != null && !m.isBlank() && !m.contains("\n") && !m.contains("Exception"), "bad reason: " + m);
        }
    }
}
