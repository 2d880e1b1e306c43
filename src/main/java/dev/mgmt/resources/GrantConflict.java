package dev.mgmt.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.client.ApiClient;
import dev.mgmt.errors.ApiException;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.output.EachSink;
import dev.mgmt.output.Outcome;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A grant refused because the credential already has some of the access: the sandbox answers 409, the
 * reference documents a 400 with the same words. Said as what is already there and whether anything
 * changed (read back from the credential's access), with exit 7 as for any conflict, instead of the
 * generic "name is taken, use update" of a 409.
 */
public final class GrantConflict {
    /** "has already access to API Proxy (name:petstore-api)", as both the 409 and the documented 400 say it. */
    private static final Pattern ALREADY = Pattern.compile(
        "already access to (API Proxy Group|API Proxy) \\(name: ?([^)]+)\\)");

    private GrantConflict() {
    }

    /** Whether {@code p} is the part a grant sends: mgmt grant access, and mgmt add credential NAME access. */
    public static boolean grants(Part p) {
        return p.kind().equals("credential") && p.name().equals("access") && p.change() == Part.Change.ADD;
    }

    /** The plain failure for {@code answer} when it is such a refusal; {@code answer} itself otherwise. */
    public static MgmtException explain(ApiClient client, Target credentialTarget, String credential, JsonNode body,
                                        ApiException answer) {
        int status = answer.error().status();
        Matcher named = ALREADY.matcher(answer.error().description());
        boolean refusal = status == 409 || status == 400 && named.find();
        if (!refusal) {
            return answer;
        }
        Set<String> live = access(client, credentialTarget, credential);
        Set<String> already = new LinkedHashSet<>();
        named.reset();
        while (named.find()) {
            already.add(Outcome.ref(named.group(1).endsWith("Group") ? "proxy-group" : "proxy", named.group(2).strip()));
        }
        List<String> others = new ArrayList<>();
        for (JsonNode item : body.path("credentialAccessList")) {
            String ref = AccessItems.ref(item);
            if (already.isEmpty() && live != null && live.contains(ref)) {
                already.add(ref);
            } else if (!already.contains(ref)) {
                others.add(ref);
            }
        }
        if (already.isEmpty()) {
            return answer;
        }
        // Only what the server did not name could have been added; none of it there means nothing changed.
        boolean unchanged = others.isEmpty() || live != null && others.stream().noneMatch(live::contains);
        List<String> details = new ArrayList<>();
        if (!others.isEmpty()) {
            details.add((unchanged ? "Not granted either: " : "Asked for as well: ") + String.join(", ", others)
                + (unchanged ? "; grant it without the ones it has." : "; check what the credential has now."));
        }
        details.add("See its access: mgmt get access -p " + credentialTarget.project() + " --credential " + credential);
        details.add("The manager answered " + status + " to " + answer.request().method() + " "
            + client.relative(answer.request().uri()) + ": " + answer.error().description());
        return new MgmtException(ExitCodes.CONFLICT, "credential '" + credential + "' already has access to "
            + String.join(", ", already) + (unchanged ? "; nothing was changed" : ""), details, answer);
    }

    /** The credential's access as refs, or null when it cannot be read (the explanation then claims less). */
    private static Set<String> access(ApiClient client, Target credentialTarget, String credential) {
        Target target = Target.of(Kinds.find("access"), credentialTarget.project(), null, credential, null);
        Set<String> refs = new LinkedHashSet<>();
        try {
            new ResourceReader(client).list(target, new EachSink(item -> refs.add(AccessItems.ref(item))));
            return refs;
        } catch (MgmtException e) {
            return null;
        }
    }
}
