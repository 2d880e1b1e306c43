package dev.mgmt.resources.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.json.Json;
import dev.mgmt.resources.Operation;
import dev.mgmt.resources.Operations;
import dev.mgmt.resources.Scope;
import dev.mgmt.resources.Target;
import dev.mgmt.validate.BodyValidator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns documents into a plan by reading (never writing) the manager: each object is created, updated or
 * left alone; with prune, what the manager has in the same kinds and places and the files do not is
 * deleted. Objects inside a proxy that the plan creates are new too, without a read.
 */
public final class Planner {
    private final LiveObjects live;

    public Planner(LiveObjects live) {
        this.live = live;
    }

    public Plan plan(List<Manifest> manifests, boolean prune) {
        List<Manifest> ordered = new ArrayList<>(manifests);
        ordered.sort(Comparator.comparingInt(m -> m.shape().rank()));
        Set<String> newProxies = new HashSet<>();
        List<Step> steps = new ArrayList<>();
        for (Manifest m : ordered) {
            boolean insideNewProxy = m.kind().scope() == Scope.PROXY
                && newProxies.contains(m.target().project() + "\u0000" + m.target().proxy());
            JsonNode current = insideNewProxy ? null : live.find(m);
            if (current == null && m.kind().singular().equals("proxy")) {
                newProxies.add(m.target().project() + "\u0000" + m.name());
            }
            steps.add(step(m, current));
        }
        if (prune) {
            steps.addAll(deletions(ordered, newProxies));
        }
        return new Plan(List.copyOf(steps));
    }

    /** The step for one document given the live object (null when the manager has none). */
    public static Step step(Manifest m, JsonNode current) {
        if (current == null) {
            List<Change> fields = Comparison.fields(m);
            return new Step(Step.Action.CREATE, m.target(), m.shape(), m.name(), m, null, fields,
                WriteBody.of(m, false), settings(m, null, fields, m.shape().settingsOnly()), List.of());
        }
        List<Change> changes = Comparison.changes(m.shape(), m.fields(), current);
        List<Change> refused = Comparison.fixed(m.shape(), m.fields(), current);
        if (changes.isEmpty()) {
            return new Step(Step.Action.UNCHANGED, m.target(), m.shape(), m.name(), m, current, changes, null,
                List.of(), refused);
        }
        if (inPlace(m, changes)) {
            return new Step(Step.Action.UPDATE, m.target(), m.shape(), m.name(), m, current, changes, null,
                settings(m, current, changes, null), refused);
        }
        return new Step(Step.Action.UPDATE, m.target(), m.shape(), m.name(), m, current, changes,
            WriteBody.of(m, true, current), settings(m, current, changes, m.shape().settingsOnly()), refused);
    }

    /**
     * Settings PATCHes can make the update when they cover every change, and the document gives no write-only
     * field (those are the update body's: a proxy's spec to re-parse).
     */
    private static boolean inPlace(Manifest m, List<Change> changes) {
        boolean writeOnlyGiven = m.shape().writeOnly().stream().anyMatch(m.fields()::has);
        return !writeOnlyGiven && changes.stream().allMatch(c -> m.shape().settingFor(c.path()) != null);
    }

    /**
     * One PATCH per settings family a change touches, in the shape's order; with {@code only}, just for changes
     * of those top-level fields (what the create or update body leaves out).
     */
    private static List<SettingWrite> settings(Manifest m, JsonNode live, List<Change> changes, Set<String> only) {
        Set<SettingsFamily> touched = new HashSet<>();
        for (Change c : changes) {
            SettingsFamily f = m.shape().settingFor(c.path());
            if (f != null && (only == null || only.contains(Comparison.top(c.path())))) {
                touched.add(f);
            }
        }
        return m.shape().settings().stream().filter(touched::contains)
            .map(f -> new SettingWrite(f, f.body(m.fields(), live, changes))).toList();
    }

    /** Within each kind and place the files name: what the manager has and no document names. */
    private List<Step> deletions(List<Manifest> manifests, Set<String> newProxies) {
        Map<String, List<Manifest>> byPlace = new LinkedHashMap<>();
        for (Manifest m : manifests) {
            Target t = m.target();
            byPlace.computeIfAbsent(t.kind().singular() + "\u0000" + t.project() + "\u0000" + t.proxy(),
                k -> new ArrayList<>()).add(m);
        }
        List<Step> out = new ArrayList<>();
        for (List<Manifest> group : byPlace.values()) {
            Manifest first = group.get(0);
            Target t = first.target();
            Operations.find(t.kind(), Operations.Verb.DELETE);
            if (t.kind().scope() == Scope.PROXY && newProxies.contains(t.project() + "\u0000" + t.proxy())) {
                continue;
            }
            Set<String> wanted = new HashSet<>();
            group.forEach(m -> wanted.add(m.name()));
            for (Map.Entry<String, JsonNode> e : live.listed(t).entrySet()) {
                if (!wanted.contains(e.getKey())) {
                    out.add(new Step(Step.Action.DELETE, t, first.shape(), e.getKey(), null, e.getValue(), List.of(),
                        null));
                }
            }
        }
        out.sort(Comparator.comparingInt((Step s) -> s.shape().rank()).reversed());
        return out;
    }

    /** Where a field of the body is in the document: a renamed field ({@code apiProxyName}) by its get name. */
    private static String origin(Step s, String field) {
        return s.manifest().origin(Comparison.docPath(s.shape().renames(), field));
    }

    /**
     * What documents change that no write can: a usage error naming each field, and nothing is sent. Diff
     * refuses them too, so that it differs exactly where apply would write.
     */
    public static void checkFixed(Plan plan) {
        fail(refusals(plan));
    }

    /** The refusals, then the schema check of every body the plan sends; any problem is a usage error and nothing is sent. */
    public static void check(Plan plan) {
        List<String> problems = refusals(plan);
        for (Step s : plan.steps()) {
            if (s.body() != null) {
                Operation op = Operations.find(s.kind(), s.action() == Step.Action.CREATE ? Operations.Verb.CREATE
                    : Operations.Verb.UPDATE);
                for (BodyValidator.Problem p : validate(op.schema(), s.body())) {
                    String field = field(p);
                    problems.add(origin(s, field) + ": " + s.ref() + ": " + field + ": " + p.message()
                        + (s.shape().writeOnly().contains(field) && !s.manifest().fields().has(field)
                            ? " (the manager does not show it: add it to the document" + unpatched(s) + ")" : ""));
                }
            }
            for (SettingWrite w : s.settings()) {
                for (BodyValidator.Problem p : validate(w.part(s.kind()).schema(), w.body())) {
                    String field = field(p);
                    String path = w.family().docPath(field);
                    problems.add(s.manifest().origin(path) + ": " + s.ref() + ": " + path + ": " + p.message());
                }
            }
        }
        fail(problems);
    }

    /** The body field a problem names, without the leading "/" of a JSON pointer. */
    private static String field(BodyValidator.Problem p) {
        return p.field().startsWith("/") ? p.field().substring(1) : p.field();
    }

    /** Why an update of a kind with settings PATCHes needs its body: the changes none of them writes. */
    private static String unpatched(Step s) {
        if (s.action() != Step.Action.UPDATE || s.shape().settings().isEmpty()) {
            return "";
        }
        List<String> paths = s.changes().stream().map(Change::path).filter(p -> s.shape().settingFor(p) == null)
            .toList();
        return paths.isEmpty() ? "" : "; no settings PATCH writes " + String.join(", ", paths);
    }

    private static List<String> refusals(Plan plan) {
        List<String> problems = new ArrayList<>();
        for (Step s : plan.steps()) {
            for (Change c : s.refused()) {
                Shapes.Refusal why = s.shape().fixed().get(Comparison.unindexed(c.path()));
                problems.add(s.manifest().origin(c.path()) + ": " + s.ref() + ": " + c.path() + ": apply cannot change "
                    + "it (" + PlanPrinter.show(c.path(), c.live()) + " -> " + PlanPrinter.show(c.path(), c.wanted())
                    + "): " + why.text());
            }
        }
        return problems;
    }

    private static List<BodyValidator.Problem> validate(String schema, JsonNode body) {
        if (schema == null || !BodyValidator.hasSchema(schema)) {
            return List.of();
        }
        return BodyValidator.validate(schema, Json.compact(body).getBytes(StandardCharsets.UTF_8), false);
    }

    private static void fail(List<String> problems) {
        if (!problems.isEmpty()) {
            List<String> details = new ArrayList<>(problems.subList(1, problems.size()));
            details.add("Nothing was sent.");
            throw new MgmtException(ExitCodes.USAGE, problems.get(0) + (problems.size() > 1 ? " (and "
                + (problems.size() - 1) + " more)" : ""), details, null);
        }
    }
}
