package dev.mgmt.validate;

import dev.mgmt.validate.BodyValidator.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.mgmt.validate.BodyValidatorTest.assertProblems;
import static dev.mgmt.validate.BodyValidatorTest.json;
import static dev.mgmt.validate.BodyValidatorTest.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad bodies: each problem names the field, says what is wrong, and points at the right line. */
class BodyProblemsTest {

    static Problem p(String field, String message, int line) {
        return new Problem(field, message, line);
    }

    // ------------------------------------------------------------------ required, type, enum at the top level

    @Test
    void missingRequiredFieldJson() {
        assertProblems(json("endpoint.create", """
            {
              "name": "/users",
              "httpMethod": "GET",
              "backendResourceUrl": "/users"
            }
            """), p("backendHttpMethod", "is required", 1));
    }

    @Test
    void missingRequiredFieldYaml() {
        assertProblems(yaml("endpoint.create", """
            # an endpoint
            name: /users
            httpMethod: GET
            backendResourceUrl: /users
            """), p("backendHttpMethod", "is required", 2));
    }

    @Test
    void wrongTypeJson() {
        assertProblems(json("endpoint.update-status", """
            {
              "identifierName": "/users",
              "identifierHttpMethod": "GET",
              "active": "no"
            }
            """), p("active", "must be a boolean, got string", 4));
    }

    @Test
    void wrongTypeYaml() {
        assertProblems(yaml("proxy.update-proxy-server-settings", """
            proxyEnabled: true
            proxyHost: proxy.example.com
            proxyPort: "8080"
            """), p("proxyPort", "must be an integer, got string", 3));
    }

    @Test
    void badEnumJson() {
        assertProblems(json("proxy.create-url", """
            {
              "apiProxyName": "petstore",
              "apiProxyCreationType": "REST",
              "specUrl": "https://example.com/openapi.json"
            }
            """), p("apiProxyCreationType", "must be one of OPEN_API, SWAGGER, WSDL, REVERSE_PROXY", 3));
    }

    @Test
    void badEnumYaml() {
        assertProblems(yaml("access.grant", """
            credentialAccessList:
              - name: MyAPI
                type: API_PROXY
              - name: MyGroup
                type: GROUP
            """), p("credentialAccessList[1].type", "must be one of API_PROXY, API_PROXY_GROUP", 5));
    }

    @Test
    void nullIsAcceptedForOptionalFieldsButNotForRequiredOnes() {
        assertProblems(json("endpoint.create", """
            {"name": "/u", "httpMethod": "GET", "backendResourceUrl": null, "backendHttpMethod": "GET",
             "description": null}
            """), p("backendResourceUrl", "must be a string, got null", 1));
    }

    @Test
    void unknownFieldsAreAllowed() {
        assertProblems(json("ip-group.create", """
            {"name": "Allowed", "futureField": {"x": 1}}
            """));
    }

    // ------------------------------------------------------------------ nested objects and arrays

    @Test
    void nestedMissingRequiredPointsAtTheParentObject() {
        assertProblems(json("proxy.update-url", """
            {
              "apiProxyName": "petstore",
              "apiProxyCreationType": "OPEN_API",
              "specUrl": "https://example.com/openapi.json",
              "clientRoute": {
                "virtualHostList": ["api.example.com"]
              }
            }
            """), p("clientRoute.relativePathList", "is required", 5));
    }

    @Test
    void arrayItemsJson() {
        assertProblems(json("proxy.create-url", """
            {
              "apiProxyName": "petstore",
              "apiProxyCreationType": "OPEN_API",
              "specUrl": "https://example.com/openapi.json",
              "clientRoute": {
                "relativePathList": [
                  "/api/v1",
                  42
                ]
              },
              "routingInfo": {
                "routingAddressList": [
                  {"address": "https://a.example.com"},
                  {"weight": "heavy"}
                ]
              }
            }
            """),
            p("clientRoute.relativePathList[1]", "must be a string, got integer", 8),
            p("routingInfo.routingAddressList[1].address", "is required", 14),
            p("routingInfo.routingAddressList[1].weight", "must be an integer, got string", 14));
    }

    @Test
    void arrayItemsYaml() {
        assertProblems(yaml("proxy.create-url", """
            apiProxyName: petstore
            apiProxyCreationType: OPEN_API
            specUrl: https://example.com/openapi.json
            clientRoute:
              relativePathList:
                - /api/v1
                - 42
            routingInfo:
              routingAddressList:
                - address: https://a.example.com
                - weight: heavy
                  healthCheckEnabled: maybe
            """),
            p("clientRoute.relativePathList[1]", "must be a string, got integer", 7),
            p("routingInfo.routingAddressList[1].address", "is required", 11),
            p("routingInfo.routingAddressList[1].weight", "must be an integer, got string", 11),
            p("routingInfo.routingAddressList[1].healthCheckEnabled", "must be a boolean, got string", 12));
    }

    @Test
    void deeplyNestedConditionVariable() {
        assertProblems(yaml("rlcl.add-condition", """
            conditionRuleList:
              - conditionCriteria: OR
                conditionRuleList:
                  - conditionCriteria: VALUE
                    firstVariable:
                      name: userType
                      type: HEADER_VALUE
                      headerName: X-User-Type
                    variableDataType: STRING
                    valueComparisonOperator: EQUALS
                    secondValueSource: VALUE
                    secondValue: PREMIUM
            """),
            p("conditionRuleList[0].conditionRuleList[0].firstVariable.type",
                "must be one of HEADER, PARAMETER, BODY, CONTEXT_VALUES, CUSTOM", 7),
            p("conditionRuleList[0].conditionRuleList[0].valueComparisonOperator",
                "must be one of LT, LE, GT, GE, EQ, NE, STARTS_WITH, ENDS_WITH, CONTAINS, NOT_CONTAINS, IS_EMPTY, "
                    + "IS_NOT_EMPTY, IS_EXISTS, IS_NOT_EXISTS, IN, NOT_IN", 10));
    }

    @Test
    void policyEnvelopeAndTypeEnum() {
        assertProblems(json("policy.add", """
            {
              "operationMetadata": {
                "targetScope": "ENDPOINT",
                "targetPipeline": "REQUEST"
              },
              "policy": {
                "type": "policy-nope"
              }
            }
            """),
            p("operationMetadata.targetEndpoint", "is required", 2),
            p("operationMetadata.targetEndpointHTTPMethod", "is required", 2),
            p("policy.type", "must be one of " + String.join(", ", policyTypes()), 7));
    }

    @Test
    void policyTypeSpecificRequiredField() {
        assertProblems(yaml("policy.add", """
            operationMetadata:
              targetScope: ALL
              targetPipeline: REQUEST
            policy:
              type: policy-black-ip
              description: block some
            """), p("policy.ipList", "is required", 4));
    }

    @Test
    void connectionTypeEnumAndPerTypeRequiredField() {
        assertProblems(json("connection.create", """
            {"type": "smtp", "name": "mail"}
            """), p("type", "must be one of email, kafka, elasticsearch, database, ldap, ftp, rabbitMq, activeMq, "
            + "snmp, linux-script, ops-genie, graylog, syslog, webhook, logback", 1));
        assertProblems(json("connection.create", """
            {
              "type": "email",
              "name": "mail",
              "port": "587"
            }
            """), p("host", "is required", 1),
            p("port", "must be an integer, got string", 4));
    }

    @Test
    void conditionalRequired() {
        assertProblems(json("proxy.create-url", """
            {"apiProxyName": "p", "apiProxyCreationType": "SWAGGER"}
            """), p("specUrl", "is required", 1));
        assertProblems(json("proxy.create-url", """
            {"apiProxyName": "p", "apiProxyCreationType": "REVERSE_PROXY"}
            """));
        assertProblems(yaml("jwk.generate", """
            name: k
            type: RSA
            """), p("rsa", "is required", 1));
    }

    @Test
    void atLeastOneOf() {
        assertProblems(json("proxy.update-api-keys", "{}"),
            p("(body)", "needs at least one of publicKey, secretKey", 1));
        assertProblems(json("proxy.update-api-keys", "{\"publicKey\": \"\"}"),
            p("publicKey", "must not be empty", 1));
    }

    @Test
    void bodyMustBeAnObject() {
        assertProblems(json("ip-group.add-ips", "[\"10.0.0.1\"]"), p("(body)", "must be an object, got array", 1));
        assertProblems(yaml("ip-group.add-ips", "ipList: []\n"), p("ipList", "must not be empty", 1));
    }

    // ------------------------------------------------------------------ unreadable bodies

    @Test
    void syntaxErrorsReportTheLine() {
        List<Problem> ps = json("ip-group.create", """
            {
              "name": "a",
              "description": "b"
              "x": 1
            }
            """);
        assertEquals(1, ps.size(), ps::toString);
        assertEquals("(body)", ps.get(0).field());
        assertEquals(4, ps.get(0).line());
        assertTrue(ps.get(0).message().startsWith("not valid JSON: "), ps.get(0).message());

        List<Problem> py = yaml("ip-group.create", "name: a\ndescription: [b\n");
        assertEquals(1, py.size(), py::toString);
        assertTrue(py.get(0).message().startsWith("not valid YAML: "), py.get(0).message());
        assertTrue(py.get(0).line() >= 2, py::toString);
    }

    @Test
    void emptyBody() {
        assertProblems(json("ip-group.create", "  \n"), p("(body)", "is empty", 0));
        assertProblems(yaml("ip-group.create", "# nothing\n"), p("(body)", "is empty", 0));
    }

    // ------------------------------------------------------------------ format

    @Test
    void formatPrintsOriginLineFieldMessage() {
        String out = BodyValidator.format(List.of(
            p("type", "must be one of REST, SOAP", 7),
            p("(body)", "is empty", 0)), "file.yaml");
        assertEquals("  file.yaml:7: type: must be one of REST, SOAP\n  file.yaml: (body): is empty\n", out);
    }

    static List<String> policyTypes() {
        return List.of("policy-api-authentication", "policy-api-based-quota", "policy-api-based-throttling",
            "policy-api-call", "policy-auth-basic", "policy-auth-clear-text", "policy-auth-digest", "policy-auth-jwt",
            "policy-auth-mtls", "policy-auth-oauth2", "policy-black-ip", "policy-business-rule", "policy-client-ban",
            "policy-content-filter", "policy-decryption", "policy-digital-sign-verification", "policy-digital-sign",
            "policy-encryption", "policy-group", "policy-jose-implementation", "policy-jose-validation",
            "policy-json-schema-validation", "policy-json-transformation", "policy-max-message-size",
            "policy-min-message-size", "policy-oidc", "policy-redaction", "policy-request-protocol-transformation",
            "policy-response-protocol-transformation", "policy-saml-validation", "policy-script",
            "policy-time-restriction", "policy-white-ip", "policy-ws-security-decrypt", "policy-ws-security-encrypt",
            "policy-ws-security-from-target", "policy-ws-security-sign-validation", "policy-ws-security-sign",
            "policy-ws-security-timestamp", "policy-ws-security-to-target", "policy-ws-security-username",
            "policy-xml-schema-validation", "policy-xml-transformation");
    }
}
