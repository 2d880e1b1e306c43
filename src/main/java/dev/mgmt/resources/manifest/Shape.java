package dev.mgmt.resources.manifest;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one kind looks in a manifest compared with how it is written. A manifest holds the object as
 * {@code mgmt get} shows it; this says which of those fields the server makes up, which the server
 * never shows back, and how the get shape turns into the write body.
 *
 * @param kind          the kind's singular name, as {@code Kinds} knows it
 * @param rank          apply order: lower ranks are created first and deleted last
 * @param serverFields  made by the server (ids, dates, status, computed values): never sent, never compared
 * @param writeOnly     sent when a document gives them but never shown by a read, so never compared
 * @param renames       get-shape field to write-body field, where the two differ
 * @param updateExtras  fields every update body carries (a proxy's {@code reParse: true})
 * @param settings      settings PATCHes that change an existing object in place (a proxy's metadata), in the
 *                      order they are sent; an update that changes only what they cover sends them instead of
 *                      the update body, unless the document gives a write-only field (a proxy's spec to re-parse)
 * @param settingsOnly  compared, but written only by a settings PATCH, never in a create or update body
 * @param fixed         shown by reads but changed by no write apply makes, each with why and what to use
 *                      instead: a document that changes one is refused; never sent. Keyed by path without
 *                      list indexes ({@code deploymentList.deployed}); a list's own path refuses a new length
 * @param unpatchedHint what a document adds so that its update body writes what no settings PATCH does (a proxy's
 *                      spec to re-parse), or null
 */
public record Shape(String kind,
                    int rank,
                    Set<String> serverFields,
                    Set<String> writeOnly,
                    Map<String, String> renames,
                    Map<String, Object> updateExtras,
                    List<SettingsFamily> settings,
                    Set<String> settingsOnly,
                    Map<String, Shapes.Refusal> fixed,
                    String unpatchedHint) {

    /** A field neither sent nor compared as a change. */
    public boolean ignored(String field) {
        return serverFields.contains(field)
            || fixed.keySet().stream().anyMatch(p -> p.equals(field) || p.startsWith(field + "."));
    }

    /** The settings PATCH that writes the change at {@code path}, or null when none does. */
    public SettingsFamily settingFor(String path) {
        return settings.stream().filter(f -> f.covers(path)).findFirst().orElse(null);
    }
}
