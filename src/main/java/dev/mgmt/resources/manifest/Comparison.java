package dev.mgmt.resources.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.text.Redactor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a document would change in the live object. Only the fields the document gives are compared
 * (as kubectl apply does), so defaults the server fills in never count as differences; server-made
 * and write-only fields are skipped, and so is a secret either side has as null (the server hides it,
 * in a list or always, and a dump keeps that null).
 */
public final class Comparison {
    private Comparison() {
    }

    public static List<Change> changes(Shape shape, JsonNode wanted, JsonNode live) {
        List<Change> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = wanted.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String f = e.getKey();
            if (ManifestParser.HEADER.contains(f) || shape.ignored(f) || shape.writeOnly().contains(f)) {
                continue;
            }
            compare(f, f, e.getValue(), live.get(f), out);
        }
        return out;
    }

    /** The changes the document makes to fields no write changes ({@link Shape#fixed()}), each with its path. */
    public static List<Change> fixed(Shape shape, JsonNode wanted, JsonNode live) {
        List<Change> all = new ArrayList<>();
        Set<String> tops = new TreeSet<>();
        shape.fixed().keySet().forEach(p -> tops.add(top(p)));
        for (String f : tops) {
            if (wanted.has(f)) {
                compare(f, f, wanted.get(f), live.get(f), all);
            }
        }
        return all.stream().filter(c -> shape.fixed().containsKey(unindexed(c.path()))).toList();
    }

    /** {@code a[0].b} as {@code a.b}: the path of a field whatever list item it is in. */
    static String unindexed(String path) {
        return path.replaceAll("\\[\\d+]", "");
    }

    /** {@code a} of {@code a.b} or {@code a[0].b}: the top-level field a path is in. */
    static String top(String path) {
        return path.split("[.\\[]", 2)[0];
    }

    /**
     * Where a body field is in the document: its top-level field by the get name {@code names} maps to it (get
     * name to body name), the rest of its path as it is; unchanged when no get name maps to it.
     */
    static String docPath(Map<String, String> names, String bodyField) {
        String first = top(bodyField);
        for (Map.Entry<String, String> n : names.entrySet()) {
            if (n.getValue().equals(first)) {
                return n.getKey() + bodyField.substring(first.length());
            }
        }
        return bodyField;
    }

    /** A new object's fields, each as a change from nothing (server-made ones left out). */
    public static List<Change> fields(Manifest m) {
        List<Change> out = new ArrayList<>();
        m.fields().fields().forEachRemaining(e -> {
            if (!m.shape().ignored(e.getKey()) && !e.getValue().isNull()) {
                out.add(new Change(e.getKey(), null, e.getValue()));
            }
        });
        return out;
    }

    private static void compare(String path, String field, JsonNode wanted, JsonNode live, List<Change> out) {
        if ((absent(live) || absent(wanted)) && Redactor.isSecretName(field)) {
            return;
        }
        if (absent(wanted) && absent(live)) {
            return;
        }
        if (wanted != null && live != null && wanted.isObject() && live.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = wanted.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                compare(path + "." + e.getKey(), e.getKey(), e.getValue(), live.get(e.getKey()), out);
            }
            return;
        }
        if (wanted != null && live != null && wanted.isArray() && live.isArray() && wanted.size() == live.size()) {
            for (int i = 0; i < wanted.size(); i++) {
                compare(path + "[" + i + "]", field, wanted.get(i), live.get(i), out);
            }
            return;
        }
        if (!same(wanted, live)) {
            out.add(new Change(path, absent(live) ? null : live, absent(wanted) ? null : wanted));
        }
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (absent(a) || absent(b)) {
            return absent(a) && absent(b);
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static boolean absent(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode();
    }
}
