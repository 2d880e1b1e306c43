package dev.mgmt.resources;

import dev.mgmt.output.Column;

import java.util.List;

/**
 * One kind of resource the API lists: its names on the command line, where it lives, and how
 * a table shows it. Path templates are segment lists where {@code {project}}, {@code {proxy}},
 * {@code {credential}} and {@code {name}} are filled in and percent-encoded; a last segment of
 * {@code ~} means "no trailing slash" (the API documents a few endpoints that way).
 *
 * @param singular      canonical singular name ("proxy")
 * @param plural        canonical plural ("proxies"), used in messages
 * @param aliases       other accepted spellings
 * @param scope         what the kind lives under
 * @param listPath      the list endpoint
 * @param narrowedPath  for a global kind, the list endpoint narrowed to the -p project (or null)
 * @param getPath       the single-object endpoint, or null when the API only lists
 * @param nameField     the field that names an item
 * @param columns       table columns
 * @param wideColumns   extra columns for -o wide
 * @param listTypes     values of the list endpoint's required {@code type} query parameter (empty when it has
 *                      none); without --type mgmt lists every type in turn
 * @param nesting       how the items sit in each element of the list answer: {@link Nesting#FLAT} for most; the
 *                      policy list answers one proxy whose pipelines hold the policies
 * @param keyFields     fields besides the name field that tell two items apart: an endpoint's method, since a
 *                      path alone names one endpoint per method (see {@link Identity})
 */
public record Kind(String singular,
                   String plural,
                   List<String> aliases,
                   Scope scope,
                   List<String> listPath,
                   List<String> narrowedPath,
                   List<String> getPath,
                   String nameField,
                   List<Column> columns,
                   List<Column> wideColumns,
                   List<String> listTypes,
                   Nesting nesting,
                   List<String> keyFields) {

    /** Where a kind's items are inside the list answer's elements. */
    public enum Nesting { FLAT, PIPELINES }

    public Kind(String singular, String plural, List<String> aliases, Scope scope, List<String> listPath,
                List<String> narrowedPath, List<String> getPath, String nameField, List<Column> columns,
                List<Column> wideColumns, List<String> listTypes) {
        this(singular, plural, aliases, scope, listPath, narrowedPath, getPath, nameField, columns, wideColumns,
            listTypes, Nesting.FLAT, List.of());
    }

    public Kind withListTypes(List<String> types) {
        return new Kind(singular, plural, aliases, scope, listPath, narrowedPath, getPath, nameField, columns,
            wideColumns, List.copyOf(types), nesting, keyFields);
    }

    public Kind withNesting(Nesting how) {
        return new Kind(singular, plural, aliases, scope, listPath, narrowedPath, getPath, nameField, columns,
            wideColumns, listTypes, how, keyFields);
    }

    public Kind withKeyFields(String... fields) {
        return new Kind(singular, plural, aliases, scope, listPath, narrowedPath, getPath, nameField, columns,
            wideColumns, listTypes, nesting, List.of(fields));
    }

    /** False for the kinds the API can change but never lists or shows (IP groups, RLCLs, geolocation). */
    public boolean listable() {
        return listPath != null;
    }

    public boolean hasGet() {
        return getPath != null;
    }

    /** The fields an object's {@link Identity} is made of: the key fields, then the name field. */
    public List<String> identityFields() {
        List<String> fields = new java.util.ArrayList<>(keyFields);
        fields.add(nameField);
        return fields;
    }

    public boolean matches(String word) {
        return singular.equals(word) || plural.equals(word) || aliases.contains(word);
    }

    public List<String> allNames() {
        List<String> names = new java.util.ArrayList<>();
        names.add(singular);
        names.add(plural);
        names.addAll(aliases);
        return names;
    }
}
