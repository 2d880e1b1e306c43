package dev.mgmt.sandbox;

import dev.mgmt.sandbox.Context.ListOp;
import dev.mgmt.sandbox.Secrets.Kind;

import java.util.Map;

import static dev.mgmt.sandbox.Router.Access.ADMIN;
import static dev.mgmt.sandbox.Router.Access.PUBLIC;
import static dev.mgmt.sandbox.Router.Access.READ;
import static dev.mgmt.sandbox.Router.Access.WRITE;

/**
 * Every route of the emulated Management API, in one table. The order is the registration order the router
 * falls back on when two templates match equally well, and the order of the methods it reports as allowed.
 */
final class Routes {
    private Routes() {
    }

    static void register(Router r, Context ctx, Tokens tokens, Map<String, Http.User> users) {
        Auth auth = new Auth(ctx, tokens, users);
        Projects projects = new Projects(ctx);
        Proxies proxies = new Proxies(ctx);
        ProxyArchives archives = new ProxyArchives(ctx);
        Endpoints endpoints = new Endpoints(ctx);
        Policies policies = new Policies(ctx);
        Connections connections = new Connections(ctx);
        Credentials credentials = new Credentials(ctx);
        EnvironmentVariables envVars = new EnvironmentVariables(ctx);
        ProxyGroups groups = new ProxyGroups(ctx);
        Secrets secrets = new Secrets(ctx);
        Certificates certificates = new Certificates(ctx, secrets);
        Keystores keystores = new Keystores(ctx, secrets);
        JwkGenerator generator = new JwkGenerator(ctx, secrets);
        Jwks jwks = new Jwks(ctx, secrets, generator);
        ProxySettings settings = new ProxySettings(ctx);
        MessageSettings messages = new MessageSettings(ctx);
        IpGroups ipGroups = new IpGroups(ctx);
        Rlcls rlcls = new Rlcls(ctx);
        Geolocation geolocation = new Geolocation(ctx);
        Reports reports = new Reports(ctx);

        r.add("GET", "test/healthcheck/?", PUBLIC, auth::healthcheck);
        r.add("GET", "test/hello/{name}/?", READ, auth::hello);
        r.add("POST", "auth/token/?", PUBLIC, auth::token);

        r.add("GET", "projects/", READ, projects::list);
        r.add("GET", "environments/", READ, projects::listEnvironments);
        r.add("GET", "environments/{project}/?", READ, projects::environmentsByProject);

        String px = "projects/{project}/apiProxies/";
        r.add("GET", px, READ, proxies::list);
        r.add("POST", px + "url/", WRITE, q -> proxies.createOrUpdateFromUrl(q, false));
        r.add("PUT", px + "url/", WRITE, q -> proxies.createOrUpdateFromUrl(q, true));
        r.add("POST", px + "file/", WRITE, q -> proxies.createOrUpdateFromFile(q, false));
        r.add("PUT", px + "file/", WRITE, q -> proxies.createOrUpdateFromFile(q, true));
        r.add("POST", px + "import/", WRITE, archives::importProxy);
        r.add("GET", px + "{proxy}/", READ, proxies::get);
        r.add("DELETE", px + "{proxy}/", WRITE, proxies::delete);
        r.add("GET", px + "{proxy}/export/", READ, archives::exportProxy);
        r.add("PUT", px + "{proxy}/import/", WRITE, archives::importOverride);
        r.add("POST", px + "{proxy}/environments/{env}/", WRITE, q -> proxies.deploy(q, true));
        r.add("DELETE", px + "{proxy}/environments/{env}/", WRITE, q -> proxies.deploy(q, false));
        r.add("GET", px + "{proxy}/endpoints/", READ, endpoints::list);
        r.add("POST", px + "{proxy}/endpoints/details/", READ, endpoints::get);
        r.add("POST", px + "{proxy}/endpoints/", WRITE, endpoints::create);
        r.add("PATCH", px + "{proxy}/endpoints/", WRITE, endpoints::update);
        r.add("POST", px + "{proxy}/endpoints/delete/", WRITE, endpoints::delete);
        r.add("POST", px + "{proxy}/endpoints/policies/", READ, endpoints::policies);
        r.add("PATCH", px + "{proxy}/endpoints/status/", WRITE, q -> endpoints.patch(q, "status"));
        r.add("PATCH", px + "{proxy}/endpoints/cache/", WRITE, q -> endpoints.patch(q, "cache"));
        r.add("PATCH", px + "{proxy}/endpoints/wsa/", WRITE, q -> endpoints.patch(q, "wsa"));
        r.add("GET", px + "{proxy}/policies/", READ, policies::list);
        r.add("POST", px + "{proxy}/policies/{policy}/", WRITE, q -> policies.upsert(q, true));
        r.add("PUT", px + "{proxy}/policies/{policy}/", WRITE, q -> policies.upsert(q, false));
        r.add("DELETE", px + "{proxy}/policies/{policy}/", WRITE, policies::delete);

        String cn = "projects/{project}/connections/";
        r.add("GET", cn, READ, connections::list);
        r.add("GET", cn + "{name}/", READ, connections::get);
        r.add("POST", cn + "{name}/", WRITE, q -> connections.upsert(q, true));
        r.add("PUT", cn + "{name}/", WRITE, q -> connections.upsert(q, false));
        r.add("DELETE", cn + "{name}/", WRITE, connections::delete);

        String cr = "projects/{project}/credentials/";
        r.add("GET", cr, READ, credentials::list);
        r.add("POST", cr, WRITE, q -> credentials.upsert(q, true));
        r.add("PUT", cr, WRITE, q -> credentials.upsert(q, false));
        r.add("DELETE", cr + "{username}/", WRITE, credentials::delete);
        r.add("PATCH", cr + "{username}/", WRITE, credentials::changePassword);
        r.add("GET", cr + "{username}/access/", READ, credentials::listAccess);
        r.add("PUT", cr + "{username}/access/", WRITE, q -> credentials.changeAccess(q, true));
        r.add("DELETE", cr + "{username}/access/", WRITE, q -> credentials.changeAccess(q, false));

        String ev = "projects/{project}/environmentVariables/";
        r.add("GET", ev, READ, envVars::list);
        r.add("GET", ev + "{name}/", READ, envVars::get);
        r.add("POST", ev + "{name}/", WRITE, q -> envVars.upsert(q, true));
        r.add("PUT", ev + "{name}/", WRITE, q -> envVars.upsert(q, false));
        r.add("DELETE", ev + "{name}/", WRITE, envVars::delete);

        String gr = "projects/{project}/apiProxyGroups/";
        r.add("GET", gr, READ, groups::list);
        r.add("POST", gr, WRITE, q -> groups.upsert(q, true));
        r.add("PUT", gr, WRITE, q -> groups.upsert(q, false));
        r.add("DELETE", gr + "{group}/", WRITE, groups::delete);
        r.add("POST", gr + "{group}/apiProxies/{proxy}/", WRITE, q -> groups.member(q, true));
        r.add("DELETE", gr + "{group}/apiProxies/{proxy}/", WRITE, q -> groups.member(q, false));
        r.add("GET", gr + "{group}/environments/", READ, groups::environments);
        r.add("POST", gr + "{group}/environments/{env}/", WRITE, q -> groups.deploy(q, true));
        r.add("DELETE", gr + "{group}/environments/{env}/", WRITE, q -> groups.deploy(q, false));

        String ce = "projects/{project}/certificates/";
        r.add("GET", ce, READ, certificates::list);
        r.add("POST", ce, WRITE, q -> certificates.save(q, true));
        r.add("GET", ce + "truststore/{env}/", READ, certificates::truststore);
        r.add("GET", ce + "{name}/", READ, certificates::get);
        r.add("PUT", ce + "{name}/", WRITE, q -> certificates.save(q, false));
        r.add("DELETE", ce + "{name}/", WRITE, certificates::delete);
        r.add("GET", ce + "{name}/export/", READ, certificates::export);

        String ks = "projects/{project}/keystores/";
        r.add("GET", ks, READ, q -> secrets.list(q, Kind.KEYSTORE));
        r.add("POST", ks, WRITE, q -> keystores.save(q, Kind.KEYSTORE, true));
        r.add("GET", ks + "{name}/", READ, q -> secrets.get(q, Kind.KEYSTORE));
        r.add("PUT", ks + "{name}/", WRITE, q -> keystores.save(q, Kind.KEYSTORE, false));
        r.add("DELETE", ks + "{name}/", WRITE, q -> secrets.delete(q, Kind.KEYSTORE));

        String ky = "projects/{project}/keys/";
        r.add("GET", ky, READ, q -> secrets.list(q, Kind.KEY));
        r.add("POST", ky, WRITE, q -> keystores.save(q, Kind.KEY, true));
        r.add("GET", ky + "{name}/", READ, q -> secrets.get(q, Kind.KEY));
        r.add("PUT", ky + "{name}/", WRITE, q -> keystores.save(q, Kind.KEY, false));
        r.add("DELETE", ky + "{name}/", WRITE, q -> secrets.delete(q, Kind.KEY));

        String jw = "projects/{project}/jwks/";
        r.add("GET", jw, READ, q -> secrets.list(q, Kind.JWK));
        r.add("POST", jw, WRITE, jwks::create);
        // documented without a trailing slash; both forms are accepted
        r.add("POST", jw + "generate/?", WRITE, generator::generate);
        r.add("POST", jw + "parse-from-url/?", WRITE, q -> jwks.parse(q, "URL"));
        r.add("POST", jw + "parse-from-clipboard/?", WRITE, q -> jwks.parse(q, "COPY_PASTE"));
        r.add("POST", jw + "parse-from-certificate/?", WRITE, q -> jwks.parse(q, "CERTIFICATE"));
        r.add("POST", jw + "parse-from-key/?", WRITE, q -> jwks.parse(q, "KEY"));
        r.add("POST", jw + "parse-from-keystore/?", WRITE, q -> jwks.parse(q, "KEYSTORE"));
        r.add("GET", jw + "{name}/", READ, q -> secrets.get(q, Kind.JWK));
        r.add("PUT", jw + "{name}/", WRITE, jwks::update);
        r.add("DELETE", jw + "{name}/", WRITE, q -> secrets.delete(q, Kind.JWK));

        String st = px + "{proxy}/settings/";
        r.add("PATCH", st + "keys/", WRITE, settings.patch(MessageSettings::keys));
        r.add("PATCH", st + "cache/", WRITE, settings.patch(MessageSettings::cache));
        r.add("PATCH", st + "circuit-breaker/", WRITE, settings.patch(BackendSettings::circuitBreaker));
        r.add("PATCH", st + "client-route/", WRITE, settings.patch(settings::clientRoute));
        r.add("PATCH", st + "connection/", WRITE, settings.patch(BackendSettings::connection));
        r.add("PATCH", st + "cors/", WRITE, settings.patch(MessageSettings::cors));
        r.add("PATCH", st + "forwarded-ip-header/", WRITE, settings.patch(MessageSettings::forwardedIpHeader));
        r.add("PATCH", st + "hide-spec-file/{hide}/", WRITE, settings::hideSpecFile);
        r.add("PATCH", st + "json-error-template/", WRITE, settings.patch(MessageSettings::jsonErrorTemplate));
        r.add("PATCH", st + "xml-error-template/", WRITE, settings.patch(MessageSettings::xmlErrorTemplate));
        r.add("PATCH", st + "metadata/", WRITE, settings.patch(settings::metadata));
        r.add("PATCH", st + "mtls/", WRITE, settings.patch(BackendSettings::mtls));
        r.add("PATCH", st + "ntlm/", WRITE, settings.patch(BackendSettings::ntlm));
        r.add("PATCH", st + "proxy-server/", WRITE, settings.patch(BackendSettings::proxyServer));
        r.add("PATCH", st + "addresses/", WRITE, settings.patch(settings::addresses));
        r.add("PATCH", st + "routing-status/", WRITE, settings.patch(settings::routingStatus));
        r.add("PATCH", st + "traffic-log/", WRITE, settings.patch(messages::trafficLog));

        String ig = "projects/{project}/ipGroups/";
        r.add("POST", ig, WRITE, ipGroups::create);
        r.add("PUT", ig + "{group}/", WRITE, ipGroups::update);
        r.add("DELETE", ig + "{group}/", WRITE, ipGroups::delete);
        r.add("POST", ig + "{group}/ips/", WRITE, q -> ipGroups.ips(q, ListOp.ADD));
        r.add("PUT", ig + "{group}/ips/", WRITE, q -> ipGroups.ips(q, ListOp.REPLACE));
        r.add("DELETE", ig + "{group}/ips/", WRITE, q -> ipGroups.ips(q, ListOp.REMOVE));

        String rl = "projects/{project}/rlcl/";
        r.add("POST", rl, WRITE, rlcls::create);
        r.add("PUT", rl + "{rlcl}/", WRITE, rlcls::update);
        r.add("DELETE", rl + "{rlcl}/", WRITE, rlcls::delete);
        r.add("POST", rl + "{rlcl}/credentials/", WRITE, q -> rlcls.credentials(q, ListOp.ADD));
        r.add("PUT", rl + "{rlcl}/credentials/", WRITE, q -> rlcls.credentials(q, ListOp.REPLACE));
        r.add("DELETE", rl + "{rlcl}/credentials/", WRITE, q -> rlcls.credentials(q, ListOp.REMOVE));
        r.add("POST", rl + "{rlcl}/endpoints/", WRITE, q -> rlcls.endpoints(q, ListOp.ADD));
        r.add("PUT", rl + "{rlcl}/endpoints/", WRITE, q -> rlcls.endpoints(q, ListOp.REPLACE));
        r.add("DELETE", rl + "{rlcl}/endpoints/", WRITE, q -> rlcls.endpoints(q, ListOp.REMOVE));
        r.add("POST", rl + "{rlcl}/condition/", WRITE, rlcls::setCondition);
        r.add("PUT", rl + "{rlcl}/condition/", WRITE, rlcls::setCondition);
        r.add("DELETE", rl + "{rlcl}/condition/", WRITE, rlcls::resetCondition);

        String geo = "settings/geolocation/";
        r.add("PUT", geo + "enable/?", ADMIN, q -> geolocation.toggle(q, true));
        r.add("PUT", geo + "disable/?", ADMIN, q -> geolocation.toggle(q, false));
        r.add("PUT", geo + "mmdb/?", ADMIN, geolocation::upload);

        r.add("GET", "reports/api-proxies/?", ADMIN, reports::apiProxies);
        r.add("GET", "reports/organization-api-data-model-access/?", ADMIN, reports::dataModelAccess);
    }
}
