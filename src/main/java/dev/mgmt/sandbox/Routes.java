package dev.mgmt.sandbox;


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

    static void register(Router r, Api api) {
        Secrets secrets = api.secrets;
        ProxySettings proxySettings = new ProxySettings(api);
        IpGroups ipGroups = new IpGroups(api);
        Rlcls rlcls = new Rlcls(api);
        Geolocation geolocation = new Geolocation(api);
        Reports reports = new Reports(api);

        r.add("GET", "test/healthcheck/?", PUBLIC, q -> Http.Resp.text("OK"));
        r.add("GET", "test/hello/{name}/?", READ, q -> Http.Resp.text("Hello " + q.param("name")));
        r.add("POST", "auth/token/?", PUBLIC, api::token);

        r.add("GET", "projects/", READ, q -> api.listProjects());
        r.add("GET", "environments/", READ, q -> api.listEnvironments());
        r.add("GET", "environments/{project}/?", READ, api::environmentsByProject);

        String px = "projects/{project}/apiProxies/";
        r.add("GET", px, READ, api::listProxies);
        r.add("POST", px + "url/", WRITE, q -> api.createOrUpdateFromUrl(q, false));
        r.add("PUT", px + "url/", WRITE, q -> api.createOrUpdateFromUrl(q, true));
        r.add("POST", px + "file/", WRITE, q -> api.createOrUpdateFromFile(q, false));
        r.add("PUT", px + "file/", WRITE, q -> api.createOrUpdateFromFile(q, true));
        r.add("POST", px + "import/", WRITE, api::importProxy);
        r.add("GET", px + "{proxy}/", READ, api::getProxy);
        r.add("DELETE", px + "{proxy}/", WRITE, api::deleteProxy);
        r.add("GET", px + "{proxy}/export/", READ, api::exportProxy);
        r.add("PUT", px + "{proxy}/import/", WRITE, api::importOverride);
        r.add("POST", px + "{proxy}/environments/{env}/", WRITE, q -> api.deployProxy(q, true));
        r.add("DELETE", px + "{proxy}/environments/{env}/", WRITE, q -> api.deployProxy(q, false));
        r.add("GET", px + "{proxy}/endpoints/", READ, api::listEndpoints);
        r.add("POST", px + "{proxy}/endpoints/details/", READ, api::getEndpoint);
        r.add("POST", px + "{proxy}/endpoints/", WRITE, api::createEndpoint);
        r.add("PATCH", px + "{proxy}/endpoints/", WRITE, api::updateEndpoint);
        r.add("POST", px + "{proxy}/endpoints/delete/", WRITE, api::deleteEndpoint);
        r.add("POST", px + "{proxy}/endpoints/policies/", READ, api::endpointPolicies);
        r.add("PATCH", px + "{proxy}/endpoints/status/", WRITE, q -> api.patchEndpoint(q, "status"));
        r.add("PATCH", px + "{proxy}/endpoints/cache/", WRITE, q -> api.patchEndpoint(q, "cache"));
        r.add("PATCH", px + "{proxy}/endpoints/wsa/", WRITE, q -> api.patchEndpoint(q, "wsa"));
        r.add("GET", px + "{proxy}/policies/", READ, api::listPolicies);
        r.add("POST", px + "{proxy}/policies/{policy}/", WRITE, q -> api.upsertPolicy(q, true));
        r.add("PUT", px + "{proxy}/policies/{policy}/", WRITE, q -> api.upsertPolicy(q, false));
        r.add("DELETE", px + "{proxy}/policies/{policy}/", WRITE, api::deletePolicy);

        String cn = "projects/{project}/connections/";
        r.add("GET", cn, READ, api::listConnections);
        r.add("GET", cn + "{name}/", READ, api::getConnection);
        r.add("POST", cn + "{name}/", WRITE, q -> api.upsertConnection(q, true));
        r.add("PUT", cn + "{name}/", WRITE, q -> api.upsertConnection(q, false));
        r.add("DELETE", cn + "{name}/", WRITE, api::deleteConnection);

        String cr = "projects/{project}/credentials/";
        r.add("GET", cr, READ, api::listCredentials);
        r.add("POST", cr, WRITE, q -> api.upsertCredential(q, true));
        r.add("PUT", cr, WRITE, q -> api.upsertCredential(q, false));
        r.add("DELETE", cr + "{username}/", WRITE, api::deleteCredential);
        r.add("PATCH", cr + "{username}/", WRITE, api::changePassword);
        r.add("GET", cr + "{username}/access/", READ, api::listAccess);
        r.add("PUT", cr + "{username}/access/", WRITE, q -> api.changeAccess(q, true));
        r.add("DELETE", cr + "{username}/access/", WRITE, q -> api.changeAccess(q, false));

        String ev = "projects/{project}/environmentVariables/";
        r.add("GET", ev, READ, api::listEnvVars);
        r.add("GET", ev + "{name}/", READ, api::getEnvVar);
        r.add("POST", ev + "{name}/", WRITE, q -> api.upsertEnvVar(q, true));
        r.add("PUT", ev + "{name}/", WRITE, q -> api.upsertEnvVar(q, false));
        r.add("DELETE", ev + "{name}/", WRITE, api::deleteEnvVar);

        String gr = "projects/{project}/apiProxyGroups/";
        r.add("GET", gr, READ, api::listGroups);
        r.add("POST", gr, WRITE, q -> api.upsertGroup(q, true));
        r.add("PUT", gr, WRITE, q -> api.upsertGroup(q, false));
        r.add("DELETE", gr + "{group}/", WRITE, api::deleteGroup);
        r.add("POST", gr + "{group}/apiProxies/{proxy}/", WRITE, q -> api.groupMember(q, true));
        r.add("DELETE", gr + "{group}/apiProxies/{proxy}/", WRITE, q -> api.groupMember(q, false));
        r.add("GET", gr + "{group}/environments/", READ, api::groupEnvironments);
        r.add("POST", gr + "{group}/environments/{env}/", WRITE, q -> api.deployGroup(q, true));
        r.add("DELETE", gr + "{group}/environments/{env}/", WRITE, q -> api.deployGroup(q, false));

        String ce = "projects/{project}/certificates/";
        r.add("GET", ce, READ, secrets::listCertificates);
        r.add("POST", ce, WRITE, q -> secrets.saveCertificate(q, true));
        r.add("GET", ce + "truststore/{env}/", READ, secrets::truststore);
        r.add("GET", ce + "{name}/", READ, secrets::getCertificate);
        r.add("PUT", ce + "{name}/", WRITE, q -> secrets.saveCertificate(q, false));
        r.add("DELETE", ce + "{name}/", WRITE, secrets::deleteCertificate);
        r.add("GET", ce + "{name}/export/", READ, secrets::exportCertificate);

        String ks = "projects/{project}/keystores/";
        r.add("GET", ks, READ, q -> secrets.list(q, Secrets.Kind.KEYSTORE));
        r.add("POST", ks, WRITE, q -> secrets.saveStore(q, Secrets.Kind.KEYSTORE, true));
        r.add("GET", ks + "{name}/", READ, q -> secrets.get(q, Secrets.Kind.KEYSTORE));
        r.add("PUT", ks + "{name}/", WRITE, q -> secrets.saveStore(q, Secrets.Kind.KEYSTORE, false));
        r.add("DELETE", ks + "{name}/", WRITE, q -> secrets.delete(q, Secrets.Kind.KEYSTORE));

        String ky = "projects/{project}/keys/";
        r.add("GET", ky, READ, q -> secrets.list(q, Secrets.Kind.KEY));
        r.add("POST", ky, WRITE, q -> secrets.saveStore(q, Secrets.Kind.KEY, true));
        r.add("GET", ky + "{name}/", READ, q -> secrets.get(q, Secrets.Kind.KEY));
        r.add("PUT", ky + "{name}/", WRITE, q -> secrets.saveStore(q, Secrets.Kind.KEY, false));
        r.add("DELETE", ky + "{name}/", WRITE, q -> secrets.delete(q, Secrets.Kind.KEY));

        String jw = "projects/{project}/jwks/";
        r.add("GET", jw, READ, q -> secrets.list(q, Secrets.Kind.JWK));
        r.add("POST", jw, WRITE, secrets::createJwk);
        // documented without a trailing slash; both forms are accepted
        r.add("POST", jw + "generate/?", WRITE, secrets::generateJwk);
        r.add("POST", jw + "parse-from-url/?", WRITE, q -> secrets.parseJwk(q, "URL"));
        r.add("POST", jw + "parse-from-clipboard/?", WRITE, q -> secrets.parseJwk(q, "COPY_PASTE"));
        r.add("POST", jw + "parse-from-certificate/?", WRITE, q -> secrets.parseJwk(q, "CERTIFICATE"));
        r.add("POST", jw + "parse-from-key/?", WRITE, q -> secrets.parseJwk(q, "KEY"));
        r.add("POST", jw + "parse-from-keystore/?", WRITE, q -> secrets.parseJwk(q, "KEYSTORE"));
        r.add("GET", jw + "{name}/", READ, q -> secrets.get(q, Secrets.Kind.JWK));
        r.add("PUT", jw + "{name}/", WRITE, secrets::updateJwk);
        r.add("DELETE", jw + "{name}/", WRITE, q -> secrets.delete(q, Secrets.Kind.JWK));

        String st = px + "{proxy}/settings/";
        r.add("PATCH", st + "keys/", WRITE, q -> proxySettings.patch(q, proxySettings::keys));
        r.add("PATCH", st + "cache/", WRITE, q -> proxySettings.patch(q, proxySettings::cache));
        r.add("PATCH", st + "circuit-breaker/", WRITE, q -> proxySettings.patch(q, proxySettings::circuitBreaker));
        r.add("PATCH", st + "client-route/", WRITE, q -> proxySettings.patch(q, proxySettings::clientRoute));
        r.add("PATCH", st + "connection/", WRITE, q -> proxySettings.patch(q, proxySettings::connection));
        r.add("PATCH", st + "cors/", WRITE, q -> proxySettings.patch(q, proxySettings::cors));
        r.add("PATCH", st + "forwarded-ip-header/", WRITE, q -> proxySettings.patch(q, proxySettings::forwardedIpHeader));
        r.add("PATCH", st + "hide-spec-file/{hide}/", WRITE, proxySettings::hideSpecFile);
        r.add("PATCH", st + "json-error-template/", WRITE, q -> proxySettings.patch(q, proxySettings::jsonErrorTemplate));
        r.add("PATCH", st + "xml-error-template/", WRITE, q -> proxySettings.patch(q, proxySettings::xmlErrorTemplate));
        r.add("PATCH", st + "metadata/", WRITE, q -> proxySettings.patch(q, proxySettings::metadata));
        r.add("PATCH", st + "mtls/", WRITE, q -> proxySettings.patch(q, proxySettings::mtls));
        r.add("PATCH", st + "ntlm/", WRITE, q -> proxySettings.patch(q, proxySettings::ntlm));
        r.add("PATCH", st + "proxy-server/", WRITE, q -> proxySettings.patch(q, proxySettings::proxyServer));
        r.add("PATCH", st + "addresses/", WRITE, q -> proxySettings.patch(q, proxySettings::addresses));
        r.add("PATCH", st + "routing-status/", WRITE, q -> proxySettings.patch(q, proxySettings::routingStatus));
        r.add("PATCH", st + "traffic-log/", WRITE, q -> proxySettings.patch(q, proxySettings::trafficLog));

        String ig = "projects/{project}/ipGroups/";
        r.add("POST", ig, WRITE, ipGroups::create);
        r.add("PUT", ig + "{group}/", WRITE, ipGroups::update);
        r.add("DELETE", ig + "{group}/", WRITE, ipGroups::delete);
        r.add("POST", ig + "{group}/ips/", WRITE, q -> ipGroups.ips(q, IpGroups.Op.ADD));
        r.add("PUT", ig + "{group}/ips/", WRITE, q -> ipGroups.ips(q, IpGroups.Op.REPLACE));
        r.add("DELETE", ig + "{group}/ips/", WRITE, q -> ipGroups.ips(q, IpGroups.Op.REMOVE));

        String rl = "projects/{project}/rlcl/";
        r.add("POST", rl, WRITE, rlcls::create);
        r.add("PUT", rl + "{rlcl}/", WRITE, rlcls::update);
        r.add("DELETE", rl + "{rlcl}/", WRITE, rlcls::delete);
        r.add("POST", rl + "{rlcl}/credentials/", WRITE, q -> rlcls.credentials(q, Rlcls.Op.ADD));
        r.add("PUT", rl + "{rlcl}/credentials/", WRITE, q -> rlcls.credentials(q, Rlcls.Op.REPLACE));
        r.add("DELETE", rl + "{rlcl}/credentials/", WRITE, q -> rlcls.credentials(q, Rlcls.Op.REMOVE));
        r.add("POST", rl + "{rlcl}/endpoints/", WRITE, q -> rlcls.endpoints(q, Rlcls.Op.ADD));
        r.add("PUT", rl + "{rlcl}/endpoints/", WRITE, q -> rlcls.endpoints(q, Rlcls.Op.REPLACE));
        r.add("DELETE", rl + "{rlcl}/endpoints/", WRITE, q -> rlcls.endpoints(q, Rlcls.Op.REMOVE));
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
