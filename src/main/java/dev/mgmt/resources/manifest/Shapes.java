package dev.mgmt.resources.manifest;

import dev.mgmt.errors.UsageException;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Operations;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.mgmt.resources.Parts.ordered;

/**
 * Every kind's manifest shape, as data. A kind that can be created and updated but is not listed here
 * gets {@link #DEFAULT_SERVER_FIELDS} and the last rank, so a kind added to {@code Kinds} and
 * {@code Operations} can be applied at once; listing it here refines what is compared.
 */
public final class Shapes {
    /** Fields that every kind's reads may carry and no write takes. */
    static final Set<String> DEFAULT_SERVER_FIELDS = Set.of("id", "projectId", "projectName", "createdDate",
        "updatedDate", "lastUpdated", "creationDate", "status");

    private static final int LAST = 90;

    /** Where a proxy is deployed; whether it needs a redeploy is the manager's to say, so that is not compared. */
    private static final Refusal DEPLOYS = new Refusal("apply does not deploy",
        "use mgmt deploy|undeploy proxy NAME -e ENVIRONMENT");

    /**
     * A proxy's settings PATCHes (04-api-proxies/settings) that write what {@code get proxy} shows; the other
     * families hold what a read does not show, so apply has nothing to compare them with.
     */
    private static final List<SettingsFamily> PROXY_SETTINGS = List.of(
        new SettingsFamily("metadata", "", ordered("description", "description", "categoryList", "categoryList",
            "sharingType", "sharingType"), Map.of(), false),
        new SettingsFamily("client-route", "clientRoute", ordered("relativePathList", "relativePathList",
            "virtualHostList", "hostList", "methodList", "methodList", "headerList", "headerList",
            "bufferRequest", "bufferRequest", "bufferResponse", "bufferResponse"), Map.of(), true),
        new SettingsFamily("routing-addresses", "routing", ordered("routingAddressList", "routingAddressList"),
            Map.of("routingAddressList", List.of("address", "weight", "soapType")), false),
        new SettingsFamily("routing-status", "routing", ordered("routingEnabled", "routingEnabled",
            "mirrorEnabled", "mirrorEnabled"), Map.of(), false));

    private static final Map<String, Shape> BY_KIND = Map.of(
        "keystore", shape("keystore", 10, Set.of(), Set.of(), Map.of(), Map.of()),
        "key", shape("key", 10, Set.of(), Set.of(), Map.of(), Map.of()),
        "connection", shape("connection", 20, Set.of("keyStoreId", "trustStoreId"), Set.of(), Map.of(),
            Map.of()),
        "credential", shape("credential", 20, Set.of(), Set.of("password"), Map.of(), Map.of()),
        "env-var", shape("env-var", 20, Set.of(), Set.of(), Map.of(), Map.of()),
        "proxy-group", shape("proxy-group", 20, Set.of(), Set.of("clientRoute"), Map.of(), Map.of()),
        "proxy", new Shape("proxy", 30, server(Set.of("type", "relativePath")),
            Set.of("apiProxyCreationType", "specUrl", "soapToRest", "deploy", "deployTargetEnvironmentNameList", "reParse",
                "enableWSA", "enableWSRM", "backendApiVersion", "maintenanceModeSetting", "specAuthorizationValueList"),
            Map.of("name", "apiProxyName", "description", "apiProxyDescription", "routing", "routingInfo"),
            Map.of("reParse", Boolean.TRUE), PROXY_SETTINGS, Set.of("sharingType", "categoryList"),
            Map.of("apiType", new Refusal("it is set by the spec the proxy was parsed from",
                    "to change it, create the proxy again from a spec of that type"),
                "deploymentList", DEPLOYS, "deploymentList.environmentName", DEPLOYS, "deploymentList.deployed",
                DEPLOYS),
            "add apiProxyCreationType and specUrl to the document so that apply re-parses the spec"),
        "endpoint", shape("endpoint", 40, Set.of(), Set.of(), Map.of("endpoint", "name"),
            Map.of()));

    /**
     * Why apply and edit cannot write a kind, and the command that changes it instead (null when none does).
     * README says the same.
     */
    public record Refusal(String reason, String instead) {
        /** "reason; instead", one line. */
        public String text() {
            return instead == null ? reason : reason + "; " + instead;
        }
    }

    /** Kinds mgmt lists but apply and edit cannot write. */
    private static final Map<String, Refusal> NOT_WRITABLE = Map.of(
        "project", new Refusal("the API has no way to create or change projects", null),
        "environment", new Refusal("the API has no way to create or change environments", null),
        "report", new Refusal("reports are computed by the manager", null),
        "access", new Refusal("access is granted per credential", "use mgmt grant|revoke access CREDENTIAL --proxy P"),
        "policy", new Refusal("a proxy's policies are read as one tree but written one at a time",
            "use mgmt create|update policy NAME --proxy P -f FILE"),
        "certificate", new Refusal("they are uploaded as PEM files (multipart), not written as JSON",
            "upload a new one with mgmt update certificate NAME -f FILE.pem -e ENVIRONMENT"),
        "jwk", new Refusal("a JWK is shown as derived key material, not as the source it was created from",
            "use mgmt update jwk NAME -f FILE"));

    /** What the API cannot read back, apply and edit have nothing to compare with. */
    private static final Refusal UNLISTED = new Refusal("the API cannot read them back, so there is nothing to "
        + "compare with", "use mgmt create, update and set for them");

    private Shapes() {
    }

    /** Why apply and edit cannot write the kind, or null when they can. */
    public static Refusal refusal(Kind kind) {
        Refusal known = NOT_WRITABLE.get(kind.singular());
        return known != null ? known : kind.listable() ? null : UNLISTED;
    }

    /** The shape of a kind apply can write; otherwise a usage error saying why not. */
    public static Shape of(Kind kind) {
        Refusal refusal = refusal(kind);
        if (refusal != null) {
            throw new UsageException("apply cannot write " + kind.plural() + ": " + refusal.text());
        }
        Shape known = BY_KIND.get(kind.singular());
        if (known != null) {
            return known;
        }
        Operations.find(kind, Operations.Verb.CREATE);
        Operations.find(kind, Operations.Verb.UPDATE);
        return new Shape(kind.singular(), LAST, DEFAULT_SERVER_FIELDS, Set.of(), Map.of(), Map.of(), List.of(), Set.of(),
            Map.of(), null);
    }

    /** True when apply can write the kind (for get -o yaml: only those documents get a kind header). */
    public static boolean writable(Kind kind) {
        try {
            of(kind);
            return true;
        } catch (UsageException e) {
            return false;
        }
    }

    private static Shape shape(String kind, int rank, Set<String> server, Set<String> writeOnly,
                               Map<String, String> renames, Map<String, Object> updateExtras) {
        return new Shape(kind, rank, server(server), writeOnly, renames, updateExtras, List.of(), Set.of(), Map.of(),
            null);
    }

    /** The default server fields and the kind's own. */
    private static Set<String> server(Collection<String> own) {
        Set<String> all = new java.util.HashSet<>(DEFAULT_SERVER_FIELDS);
        all.addAll(own);
        return Set.copyOf(all);
    }
}
