package dev.mgmt.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.auth.Tokens;
import dev.mgmt.client.ApiClient;
import dev.mgmt.config.Config;
import dev.mgmt.config.ContextEntry;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.UsageException;
import dev.mgmt.json.Json;
import dev.mgmt.process.BoundedRead;
import dev.mgmt.process.InputLimit;
import dev.mgmt.run.Invocation;
import dev.mgmt.settings.OutputFormat;
import dev.mgmt.settings.Settings;
import dev.mgmt.settings.Source;
import dev.mgmt.text.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.Console;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code mgmt login}: exchanges a username and password (client credentials) for a token with
 * {@code POST auth/token}, and stores the token and its expiry in the current or --context context.
 */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt login --url https://manager.example.com -u admin",
        "  mgmt login --context staging --url https://staging.example.com -u admin",
        "  printf %%s \"$PASSWORD\" | mgmt login -u ci --password-stdin --context ci"},
    name = "login", description = {
    "Log in with a username and password and save the token in the current context.",
    "Gets a token with client credentials (POST auth/token) and saves it, with its expiry, in the current",
    "context, or in --context NAME (created with the URL when missing). The password is read without echo",
    "from the terminal, or from stdin with --password-stdin; it is never taken as a flag.",
    "Username: --username, else MGMT_USERNAME, else asked on the terminal."})
public final class LoginCommand extends BaseCommand {

    @Override
    PrintedFormats printedFormats() {
        return PrintedFormats.REPORT;
    }
    static final String DEFAULT_CONTEXT = "default";

    @Option(names = {"-u", "--username"}, paramLabel = "NAME", description = "The user (client_id).")
    String username;

    @Option(names = "--password-stdin", description = "Read the password from stdin (for CI): echo \"$PW\" | mgmt login --password-stdin")
    boolean passwordStdin;

    @Override
    public Integer call() {
        Invocation inv = invocation();
        if (inv.options().token() != null || inv.options().tokenFile() != null) {
            throw new UsageException("login gets a new token; --token and --token-file do not apply",
                "To store a token you already have: mgmt config set-context NAME --token-file FILE");
        }
        if (inv.options().sandbox()) {
            throw new UsageException("login does not work with --sandbox, which uses its own token",
                "Start an emulator with 'mgmt sandbox' and log in to its URL instead");
        }
        inv.resolveWithoutToken();
        Settings s = inv.settings();
        Config config = inv.config();
        Config.Selection sel = config.selection(true);
        String contextName = sel.name() == null ? DEFAULT_CONTEXT : sel.name();
        ApiClient client = inv.client();

        String user = username(inv);
        String password = password(inv, user);
        Tokens.Grant grant = new Tokens(client, inv.redactor()).request(user, password, inv.env().clock());
        String token = grant.token();
        Instant now = grant.issued();
        Instant expires = grant.expires();

        boolean hadTokenFile = config.update(spec.qualifiedName(), file -> {
            ContextEntry entry = file.context(contextName);
            boolean created = entry == null;
            if (created) {
                entry = new ContextEntry();
                file.contexts().put(contextName, entry);
            }
            if (created || entry.get("url") == null || s.url().source() == Source.FLAG) {
                entry.set("url", s.url().value().strip());
            }
            boolean replacedFile = entry.get("token-file") != null;
            entry.set("token", token);
            entry.set("token-file", null);
            entry.set("token-expires", expires == null ? null : expires.toString());
            if (file.currentContext() == null) {
                file.setCurrentContext(contextName);
            }
            return replacedFile;
        });

        String when = expires == null ? "" : " (expires " + expires + ", in " + Durations.human(Duration.between(now, expires)) + ")";
        ConfigSupport.note(inv, "Logged in to " + client.base().uri() + " as " + user + "; token saved in context \""
            + contextName + "\" of " + config.displayPath() + when + ".");
        if (hadTokenFile) {
            ConfigSupport.note(inv, "The context's token-file was replaced by the stored token.");
        }
        if (inv.env().var("MGMT_TOKEN") != null || inv.env().var("MGMT_TOKEN_FILE") != null) {
            ConfigSupport.warn(inv, (inv.env().var("MGMT_TOKEN") != null ? "MGMT_TOKEN" : "MGMT_TOKEN_FILE")
                + " is set and takes precedence over the saved token; unset it to use the new one");
        }
        OutputFormat format = ConfigSupport.format(inv);
        if (format.structured()) {
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("context", contextName);
            o.put("url", client.base().uri().toString());
            o.put("username", user);
            o.put("expires", expires == null ? null : expires.toString());
            o.put("config", config.displayPath());
            ConfigSupport.printObject(inv, format, o);
        }
        return ExitCodes.OK;
    }

    private String username(Invocation inv) {
        if (username != null && !username.isBlank()) {
            return username.strip();
        }
        if (inv.env().var("MGMT_USERNAME") != null) {
            return inv.env().var("MGMT_USERNAME").strip();
        }
        Console console = System.console();
        if (!passwordStdin && inv.env().stdinTerminal() && console != null) {
            String line = console.readLine("Username: ");
            if (line != null && !line.isBlank()) {
                return line.strip();
            }
        }
        throw new UsageException("no username: pass --username NAME or set MGMT_USERNAME");
    }

    private String password(Invocation inv, String user) {
        String pw;
        if (passwordStdin) {
            try {
                pw = BoundedRead.text(inv.env().stdin(), InputLimit.SECRET);
            } catch (BoundedRead.TooLarge e) {
                throw new UsageException(e.about("the password from stdin (--password-stdin)"));
            } catch (IOException e) {
                throw new UsageException("cannot read the password from stdin: " + e.getMessage());
            }
            pw = pw.replaceAll("[\r\n]+$", "");
            if (pw.isEmpty()) {
                throw new UsageException("--password-stdin: stdin was empty");
            }
            return pw;
        }
        Console console = System.console();
        if (!inv.env().stdinTerminal() || console == null) {
            throw new UsageException("no password: stdin is not a terminal, so mgmt cannot ask for it",
                "Pipe it in: printf '%s' \"$PASSWORD\" | mgmt login --username " + user + " --password-stdin");
        }
        char[] chars = console.readPassword("Password for %s: ", user);
        if (chars == null || chars.length == 0) {
            throw new UsageException("no password given");
        }
        return new String(chars);
    }
}
