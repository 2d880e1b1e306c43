package dev.mgmt.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DisplayWidthTest {

    @Test
    void ascii_takes_one_column_per_character() {
        assertEquals(0, DisplayWidth.width(""));
        assertEquals(9, DisplayWidth.width("MyProject"));
    }

    @Test
    void cjk_wide_and_fullwidth_characters_take_two_columns() {
        assertEquals(8, DisplayWidth.width("支付服务"));        // CJK ideographs
        assertEquals(6, DisplayWidth.width("결제팀"));          // Hangul syllables
        assertEquals(6, DisplayWidth.width("ＡＰＩ"));          // fullwidth Latin
        assertEquals(8, DisplayWidth.width("api-カナ"));       // katakana after ASCII
        assertEquals(3, DisplayWidth.width("ｶﾅｱ"));            // halfwidth katakana stay narrow
    }

    @Test
    void emoji_take_two_columns_including_those_outside_the_bmp() {
        String rocket = "\uD83D\uDE80"; // U+1F680, a surrogate pair
        assertEquals(2, rocket.length());
        assertEquals(2, DisplayWidth.width(rocket));
        assertEquals(2, DisplayWidth.width("\u2705"));          // check mark, in the BMP
        assertEquals(6, DisplayWidth.width("go" + rocket + rocket));
        assertEquals(2, DisplayWidth.width("\uD840\uDC0B"));    // U+2000B, CJK extension B
    }

    @Test
    void combining_marks_and_zero_width_characters_take_none() {
        assertEquals(4, DisplayWidth.width("cafe\u0301"));      // e + combining acute
        assertEquals(1, DisplayWidth.width("a\u0308\u0323"));   // two marks on one base
        assertEquals(2, DisplayWidth.width("a\u200Bb"));        // zero width space
        assertEquals(1, DisplayWidth.width("x\uFE0F"));         // a variation selector adds nothing
    }

    @Test
    void cut_leaves_a_text_that_fits_alone() {
        assertEquals("petstore", DisplayWidth.cut("petstore", 8));
        assertEquals("支付", DisplayWidth.cut("支付", 4));
    }

    @Test
    void cut_ends_with_an_ellipsis_and_fits_the_columns() {
        assertEquals("pets…", DisplayWidth.cut("petstore", 5));
        assertEquals("支付…", DisplayWidth.cut("支付服务", 5));
        assertEquals("支…", DisplayWidth.cut("支付服务", 4)); // a wide character that does not fit is left out whole
        for (int columns = 1; columns <= 10; columns++) {
            String cut = DisplayWidth.cut("支付服务abc", columns);
            assertTrue(DisplayWidth.width(cut) <= columns, columns + ": " + cut);
        }
        assertEquals("", DisplayWidth.cut("abc", 0));
    }

    @Test
    void cut_never_splits_a_surrogate_pair() {
        String text = "\uD83D\uDE80\uD83D\uDE80\uD83D\uDE80"; // three rockets, 6 columns
        for (int columns = 1; columns < 6; columns++) {
            String cut = DisplayWidth.cut(text, columns);
            assertTrue(DisplayWidth.width(cut) <= columns, columns + ": " + cut);
            for (int i = 0; i < cut.length(); i++) {
                char c = cut.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    assertTrue(i + 1 < cut.length() && Character.isLowSurrogate(cut.charAt(i + 1)), "split at " + columns);
                }
                assertFalse(Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(cut.charAt(i - 1))),
                    "split at " + columns);
            }
        }
        assertEquals("\uD83D\uDE80…", DisplayWidth.cut(text, 4));
    }

    @Test
    void cut_keeps_combining_marks_with_their_base_character() {
        assertEquals("cafe\u0301…", DisplayWidth.cut("cafe\u0301s-api", 5));
        assertEquals("a\u0308\u0323…", DisplayWidth.cut("a\u0308\u0323bc", 2));
    }

    @Test
    void pad_fills_to_the_display_width() {
        assertEquals("支付  ", DisplayWidth.pad("支付", 6));
        assertEquals("cafe\u0301 ", DisplayWidth.pad("cafe\u0301", 5));
        assertEquals("toolong", DisplayWidth.pad("toolong", 3));
    }
}
