package dev.mgmt.real;

import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.Nginx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static dev.mgmt.real.Expect.contains;
import static dev.mgmt.real.Expect.exit;
import static dev.mgmt.real.Expect.lacks;
import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Case 1 of issue 13 against a real nginx: a single-sign-on gateway that answers every path, the
 * health check included, with 200 and an HTML login form. Every command must say a sign-in page
 * answered (exit 12) and which URL to check, and never print the page unless asked to.
 */
class SignInGatewayIT {
    private static final String TOKEN = "opaque-token-abcd1234";
    private static final String PAGE = "<!DOCTYPE html><html><head><title>Sign in – Corp SSO</title></head>"
        + "<body><h1>Corp SSO</h1><form method=\"post\" action=\"/sso/login\"><input name=\"username\">"
        + "<input type=\"password\" name=\"password\"><button>Sign in</button></form></body></html>";

    @TempDir
    static Path dir;
    private static Nginx nginx;
    private static String url;

    @BeforeAll
    static void start() throws IOException {
        int port = Nginx.freePort();
        nginx = Nginx.start(dir.resolve("nginx"), "  server {\n"
            + "    listen 127.0.0.1:" + port + ";\n"
            + "    default_type text/html;\n"
            + "    charset utf-8;\n"
            + "    location / { return 200 '" + PAGE + "'; }\n"
            + "  }\n", port);
        url = "http://127.0.0.1:" + port + "/";
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
    }

    private static CliResult mgmt(String... args) {
        return cli().env("MGMT_URL", url).env("MGMT_TOKEN", TOKEN).config(dir.resolve("config.yaml")).run(args);
    }

    /** The headline that names the page and the URL, with no HTML and no token anywhere. */
    private static void assertSignInPage(CliResult r, String path) {
        exit(r, 12);
        contains(Expect.headline(r), r, "a sign-in page answered at " + url + "apiops/" + path + ", not the Management API",
            "the page looks like a sign-in page (title 'Sign in – Corp SSO')", "--url");
        lacks(r.err(), r, "<form", "<html", TOKEN);
        lacks(r.out(), r, "<form", TOKEN);
    }

    @Test
    void getNamesTheSignInPage() {
        CliResult r = mgmt("get", "projects");
        assertSignInPage(r, "projects/");
        assertEquals("", r.out(), r::describe);
    }

    @Test
    void apiNamesTheSignInPageInsteadOfPrintingIt() {
        CliResult r = mgmt("api", "projects/");
        assertSignInPage(r, "projects/");
        assertEquals("", r.out(), r::describe);
    }

    @Test
    void apiRawIsTheOneWayToPrintThePage() {
        CliResult r = mgmt("api", "--raw", "projects/");
        exit(r, 0);
        contains(r.out(), r, "<form", "Sign in – Corp SSO");
    }

    @Test
    void theWholePageIsTracedOnlyAtVvv() {
        CliResult r = mgmt("-vvv", "api", "projects/");
        exit(r, 12);
        contains(r.err(), r, "<form");
        lacks(r.err(), r, TOKEN);
        assertEquals("", r.out(), r::describe);
    }

    @Test
    void doctorSaysTheHealthCheckIsASignInPageAndTheTokenIsNotKnown() {
        CliResult r = mgmt("doctor");
        exit(r, 12);
        String all = r.out() + r.err();
        contains(all, r, "not healthy: 200 — a sign-in page answered at " + url + "apiops/test/healthcheck/",
            "title 'Sign in – Corp SSO'");
        lacks(all, r, "accepted (HTTP", "<form", TOKEN);
    }

    @Test
    void authStatusDoesNotCallTheTokenAccepted() {
        CliResult r = mgmt("auth", "status");
        assertSignInPage(r, "test/hello/mgmt/");
        lacks(r.out(), r, "accepted");
    }

    @Test
    void loginNamesTheSignInPage() {
        CliResult r = cli().env("MGMT_URL", url).config(dir.resolve("login-config.yaml")).stdin("secret-pw\n")
            .run("login", "--username", "admin", "--password-stdin");
        assertSignInPage(r, "auth/token/");
        lacks(r.err(), r, "secret-pw");
        assertFalse(java.nio.file.Files.exists(dir.resolve("login-config.yaml")), r::describe);
    }

    @Test
    void smokeExerciseNamesTheSignInPage() {
        CliResult r = mgmt("exercise", "--smoke", "-p", "MyProject");
        exit(r, 12);
        contains(r.out() + r.err(), r, "a sign-in page answered at " + url + "apiops/test/healthcheck/");
        lacks(r.out() + r.err(), r, "<form", TOKEN);
    }

    @Test
    void scenarioStepNamesTheSignInPage() throws IOException {
        Path scenario = dir.resolve("scenario.yaml");
        java.nio.file.Files.writeString(scenario, "name: sign-in\nsteps:\n  - name: list projects\n    path: projects/\n");
        CliResult r = mgmt("exercise", scenario.toString());
        exit(r, 12);
        contains(r.out() + r.err(), r, "a sign-in page answered at " + url + "apiops/projects/");
        lacks(r.out() + r.err(), r, "<form");
    }
}
