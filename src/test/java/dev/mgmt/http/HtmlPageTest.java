package dev.mgmt.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlPageTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void jsonLabelledAsHtmlIsNotAWebPage() {
        assertFalse(HtmlPage.isHtml("text/html", b("  {\"resultList\":[]}")));
        assertFalse(HtmlPage.isHtml("text/plain", b("OK")));
        assertTrue(HtmlPage.isHtml("text/html", b("<form>")));
        assertTrue(HtmlPage.isHtml("", b("\n<!DOCTYPE html><html>")));
    }
}
