package dev.mgmt.exercise;

import dev.mgmt.text.Clauses;
import dev.mgmt.errors.OutputFailure;
import dev.mgmt.exercise.StepResult.Outcome;
import dev.mgmt.text.Redactor;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

/**
 * JUnit XML as Jenkins, GitLab, GitHub test reporters and Azure read it: one testsuite per scenario,
 * one testcase per step (finally steps included), failure with the reasons and the decoded error.
 */
final class JUnitReport {
    private JUnitReport() {
    }

    static void write(Path file, String suite, List<StepResult> results, Instant started, Duration total,
                      Redactor redactor) {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        long failures = results.stream().filter(r -> r.outcome() == Outcome.FAILED).count();
        long skipped = results.stream().filter(r -> r.outcome() == Outcome.SKIPPED).count();
        Element suites = doc.createElement("testsuites");
        suites.setAttribute("name", "mgmt exercise");
        suites.setAttribute("tests", Integer.toString(results.size()));
        suites.setAttribute("failures", Long.toString(failures));
        suites.setAttribute("errors", "0");
        suites.setAttribute("skipped", Long.toString(skipped));
        suites.setAttribute("time", seconds(total));
        doc.appendChild(suites);
        Element ts = doc.createElement("testsuite");
        ts.setAttribute("name", suite);
        ts.setAttribute("tests", Integer.toString(results.size()));
        ts.setAttribute("failures", Long.toString(failures));
        ts.setAttribute("errors", "0");
        ts.setAttribute("skipped", Long.toString(skipped));
        ts.setAttribute("time", seconds(total));
        ts.setAttribute("timestamp", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
            started.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
        suites.appendChild(ts);
        String classname = "mgmt.exercise." + suite.replaceAll("[^A-Za-z0-9_.-]+", "_");
        int i = 0;
        for (StepResult r : results) {
            i++;
            Element tc = doc.createElement("testcase");
            tc.setAttribute("classname", classname);
            tc.setAttribute("name", String.format(Locale.ROOT, "%02d %s%s", i,
                r.phase().equals("finally") ? "finally: " : "", clean(redactor.redact(r.name()))));
            tc.setAttribute("time", r.elapsed() == null ? "0.000" : seconds(r.elapsed()));
            if (r.outcome() == Outcome.FAILED) {
                Element f = doc.createElement("failure");
                f.setAttribute("message", clean(redactor.redact(Clauses.join(r.failures()))));
                f.setAttribute("type", r.status() > 0 ? "HTTP " + r.status() : "exit " + r.exitCode());
                StringBuilder text = new StringBuilder(r.method() + " " + r.path() + "\n");
                r.failures().forEach(l -> text.append(l).append('\n'));
                if (!r.report().isEmpty()) {
                    text.append('\n').append(r.report());
                }
                f.appendChild(doc.createTextNode(clean(redactor.redact(text.toString()))));
                tc.appendChild(f);
            } else if (r.outcome() == Outcome.SKIPPED) {
                Element sk = doc.createElement("skipped");
                sk.setAttribute("message", clean(Clauses.join(r.failures())));
                tc.appendChild(sk);
            }
            ts.appendChild(tc);
        }
        // Rendered in memory first: the transformer would hide a failed write inside a TransformerException.
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            t.transform(new DOMSource(doc), new StreamResult(xml));
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
        try {
            Files.write(file, xml.toByteArray());
        } catch (IOException e) {
            throw OutputFailure.writing("--junit file '" + file + "'", e);
        }
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }

    /** XML 1.0 cannot hold most control characters, even escaped. */
    private static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF) {
                sb.appendCodePoint(c);
            } else {
                sb.append('?');
            }
        });
        return sb.toString();
    }
}
