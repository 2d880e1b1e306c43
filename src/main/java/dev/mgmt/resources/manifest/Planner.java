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
            return new Step(Step.Action.CREATE, m.target(), m.shape(), m.name(), m, null, Comparison.fields(m),
                WriteBody.of(m, false));
        }
        List<Change> changes = Comparison.changes(m.shape(), m.fields(), current);
        return changes.isEmpty()
            ? new Step(Step.Action.UNCHANGED, m.target(), m.shape(), m.name(), m, current, changes, null)
            : new Step(Step.Action.UPDATE, m.target(), m.shape(), m.name(), m, current, changes, WriteBody.of(m, true, current));
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
            for (Map.Entry<String, JsonNode> e : live.listed(t, first.shape()).entrySet()) {
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
        String first = field.split("[.\\[]", 2)[0];
        for (Map.Entry<String, String> r : s.shape().renames().entrySet()) {
            if (r.getValue().equals(first)) {
                return s.manifest().origin(r.getKey() + field.substring(first.length()));
            }
        }
        return s.manifest().origin(field);
    }

    /** The schema check of every body the plan sends; any problem is a usage error and nothing is sent. */
    public static void check(Plan plan) {
        List<String> problems = new ArrayList<>();
        for (Step s : plan.steps()) {
            if (s.body() == null) {
                continue;
            }
            Operation op = Operations.find(s.kind(), s.action() == Step.Action.CREATE ? Operations.Verb.CREATE
                : Operations.Verb.UPDATE);
            if (op.schema() == null || !BodyValidator.hasSchema(op.schema())) {
                continue;
            }
            byte[] bytes = Json.compact(s.body()).getBytes(StandardCharsets.UTF_8);
            for (BodyValidator.Problem p : BodyValidator.validate(op.schema(), bytes, false)) {
                String field = p.field().startsWith("/") ? p.field().substring(1) : p.field();
                problems.add(origin(s, field) + ": " + s.ref() + ": " + field + ": " + p.message()
                    + (s.shape().writeOnly().contains(field) && !s.manifest().fields().has(field)
                        ? " (the manager does not show it: add it to the document)" : ""));
            }
        }
        if (!problems.isEmpty()) {
            List<String> details = new ArrayList<>(problems.subList(1, problems.size()));
            details.add("Nothing was sent.");
            throw new MgmtException(ExitCodes.USAGE, problems.get(0) + (problems.size() > 1 ? " (and "
                + (problems.size() - 1) + " more)" : ""), details, null);
        }
    }
}
