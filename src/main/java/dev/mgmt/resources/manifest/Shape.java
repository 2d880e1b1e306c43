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
 */
public record Shape(String kind,
                    int rank,
                    Set<String> serverFields,
                    Set<String> writeOnly,
                    Map<String, String> renames,
                    Map<String, Object> updateExtras) {

    /** A field neither sent nor compared. */
    public boolean ignored(String field) {
        return serverFields.contains(field);
    }
}
