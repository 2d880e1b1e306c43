package dev.mgmt.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mgmt.diagnose.Catalog;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.UsageException;
import dev.mgmt.http.HttpStatusText;
import dev.mgmt.json.Json;
import dev.mgmt.run.Invocation;
import dev.mgmt.settings.OutputFormat;
import dev.mgmt.text.NameMatcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** {@code mgmt explain CODE|STATUS}: the catalog, offline. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt explain 401",
        "  mgmt explain token_expired",
        "  mgmt explain"},
    name = "explain",
    description = {
        "Explain an error code or HTTP status, offline.",
        "For a code (invalid_token) or a status (404): what it means, the checks mgmt runs after such a",
        "failure, and what to do next. Without an argument, list them all.",
        "Also: network, no-token, doctor."},
    sortOptions = false)
public final class ExplainCommand extends BaseCommand {

    @Override
    PrintedFormats printedFormats() {
        return PrintedFormats.REPORT;
    }

    @Parameters(arity = "0..1", paramLabel = "CODE|STATUS", description = "An error code, an HTTP status or a topic.")
    String word;

    @Override
    public Integer call() throws Exception {
        Invocation inv = invocation();
        OutputFormat format = inv.outputLenient();
        Catalog catalog = Catalog.get();
        if (word == null) {
            if (format.structured()) {
                ArrayNode arr = Json.mapper().createArrayNode();
                for (Catalog.Code c : catalog.codes()) {
                    arr.add(codeJson(catalog, c));
                }
                print(inv, format, arr);
            } else {
                list(inv.out(), catalog);
            }
            return ExitCodes.OK;
        }
        String w = word.strip().toLowerCase(Locale.ROOT);
        Catalog.Code code = catalog.code(w);
        Catalog.Topic topic = null;
        Integer status = null;
        if (code == null) {
            if (w.matches("\\d{3}")) {
                status = Integer.parseInt(w);
                topic = catalog.forStatus(status);
            } else if (w.equals("5xx") || catalog.topics().stream().anyMatch(t -> t.id().equals(w))) {
                topic = catalog.topic(w);
            }
        }
        if (code == null && topic == null) {
            List<String> close = NameMatcher.closest(w, catalog.words(), 3);
            throw new UsageException("unknown error code or status '" + word + "'"
                + (close.isEmpty() ? "" : "; did you mean '" + close.get(0) + "'?"),
                "List them all with: mgmt explain");
        }
        if (format.structured()) {
            ObjectNode json = code != null ? codeJson(catalog, code) : topicJson(catalog, topic, status);
            print(inv, format, json);
            return ExitCodes.OK;
        }
        PrintWriter out = inv.out();
        if (code != null) {
            topic = catalog.topicOf(code);
            out.println(code.code() + (code.status() == null ? "" : " — HTTP " + code.status() + " "
                + HttpStatusText.of(code.status())) + " (exit " + topic.exit() + ")");
            out.println("  " + code.meaning());
            out.println();
        } else {
            String head = status != null ? "HTTP " + status + " " + HttpStatusText.of(status) : topic.title();
            out.println(head.strip() + " (exit " + topic.exit() + ")");
        }
        describeTopic(out, catalog, topic, code);
        out.flush();
        return ExitCodes.OK;
    }

    private static void describeTopic(PrintWriter out, Catalog catalog, Catalog.Topic topic, Catalog.Code code) {
        out.println(topic.title() + ": " + topic.meaning());
        List<Catalog.Code> codes = catalog.codesOf(topic);
        if (!codes.isEmpty() && !topic.statuses().isEmpty()) {
            out.println();
            out.println(code == null ? "Codes:" : "Codes with this status:");
            for (Catalog.Code c : codes) {
                out.println(String.format("  %-22s %s", c.code(), c.meaning()));
            }
        }
        if (!topic.checks().isEmpty()) {
            out.println();
            out.println(topic.id().equals("doctor") ? "Steps:" : "Checklist (mgmt runs these after such a failure):");
            int i = 1;
            for (Catalog.Item item : topic.checks()) {
                out.println("  " + i++ + ". " + item.label());
            }
        }
        if (!topic.next().isEmpty()) {
            out.println();
            out.println("Next:");
            for (String n : topic.next()) {
                out.println("  - " + n);
            }
        }
    }

    private static void list(PrintWriter out, Catalog catalog) {
        out.println(String.format("%-24s %-7s %-5s %s", "CODE", "STATUS", "EXIT", "MEANING"));
        for (Catalog.Code c : catalog.codes()) {
            Catalog.Topic t = catalog.topicOf(c);
            out.println(String.format("%-24s %-7s %-5d %s", c.code(), c.status() == null ? "-" : c.status(), t.exit(),
                c.meaning()));
        }
        out.println();
        StringBuilder topics = new StringBuilder();
        for (Catalog.Topic t : catalog.topics()) {
            topics.append(topics.length() == 0 ? "" : ", ").append(t.id());
        }
        out.println("Statuses and topics: " + topics + ". Run: mgmt explain CODE|STATUS");
        out.flush();
    }

    private static ObjectNode codeJson(Catalog catalog, Catalog.Code c) {
        Catalog.Topic t = catalog.topicOf(c);
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("code", c.code());
        if (c.status() == null) {
            o.putNull("status");
        } else {
            o.put("status", c.status());
        }
        o.put("meaning", c.meaning());
        o.put("exit_code", t.exit());
        fillTopic(o, t);
        return o;
    }

    private static ObjectNode topicJson(Catalog catalog, Catalog.Topic t, Integer status) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("topic", t.id());
        if (status != null) {
            o.put("status", status);
        }
        o.put("title", t.title());
        o.put("exit_code", t.exit());
        ArrayNode codes = o.putArray("codes");
        for (Catalog.Code c : catalog.codesOf(t)) {
            codes.addObject().put("code", c.code()).put("meaning", c.meaning());
        }
        fillTopic(o, t);
        return o;
    }

    private static void fillTopic(ObjectNode o, Catalog.Topic t) {
        o.put("topic_meaning", t.meaning());
        ArrayNode checks = o.putArray("checklist");
        for (Catalog.Item i : t.checks()) {
            checks.addObject().put("id", i.id()).put("check", i.label());
        }
        ArrayNode next = o.putArray("next");
        t.next().forEach(next::add);
    }

    private static void print(Invocation inv, OutputFormat format, com.fasterxml.jackson.databind.JsonNode json)
        throws Exception {
        String text = format == OutputFormat.YAML ? new YAMLMapper().writeValueAsString(json) : Json.pretty(json);
        inv.out().println(text.stripTrailing());
        inv.out().flush();
    }
}
