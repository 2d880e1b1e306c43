package dev.mgmt.input;

import dev.mgmt.errors.UsageException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any -d argument, any stdin: a body or a usage error with a one-line reason, never another exception. */
class InputDataPropertyTest {

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings().withChars("{}[]\":,.-0123456789eE truefalsn\\u\n\t#:-'&*!|>")
            .ofMaxLength(200);
    }

    private static void bodyOrUsage(String spec, byte[] stdin) {
        try {
            InputData d = InputData.read(spec, new ByteArrayInputStream(stdin));
            d.parseAuto();
            d.asJson();
        } catch (UsageException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank() && !e.getMessage().contains("\n"),
                e.getMessage());
            assertTrue(!e.getMessage().contains("Exception") && !e.getMessage().contains("jackson"), e.getMessage());
        }
    }

    @Property(tries = 400, seed = "20261202")
    void any_inline_text_is_a_body_or_a_usage_error(@ForAll("jsonish") String text) {
        bodyOrUsage(text, new byte[0]);
    }

    @Property(tries = 300, seed = "20261202")
    void any_text_on_stdin_is_a_body_or_a_usage_error(@ForAll("jsonish") String text) {
        bodyOrUsage("@-", text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 200, seed = "20261202")
    void any_file_name_is_read_or_a_usage_error(@ForAll String name) {
        bodyOrUsage("@" + name, new byte[0]);
    }
}
