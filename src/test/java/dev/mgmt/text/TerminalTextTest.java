package dev.mgmt.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class TerminalTextTest {

    @Test
    void leaves_ordinary_text_alone() {
        String s = "Proxy 'petstore-api' was not found — ñ 日本";
        assertSame(s, TerminalText.safe(s));
    }

    @Test
    void escapes_every_control_character_on_one_line() {
        assertEquals("a\\u001b[2Jb\\u000ac\\u0009d\\u007f\\u009b\\u202e", TerminalText.safe("a\u001b[2Jb\nc\td\u007f\u009b\u202e"));
    }

    @Test
    void keeps_newlines_and_tabs_for_multi_line_text_but_not_carriage_returns() {
        assertEquals("a\n\tb\\u000dc", TerminalText.safeLines("a\n\tb\rc"));
    }
}
