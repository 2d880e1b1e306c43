package dev.mgmt.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.mgmt.json.Json;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads the config file with a streaming parser so every problem can name its line and what was
 * expected there. Strict: unknown keys are errors, because a misspelt key silently ignored
 * would send requests somewhere the user did not mean.
 */
final class ConfigParser {
    /** A problem in the file's content, with the 1-based line it is on (0 when unknown). */
    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        Problem(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private final JsonParser p;

    private ConfigParser(JsonParser p) {
        this.p = p;
    }

    static ConfigFile parse(String text) throws Problem {
        try (JsonParser p = Json.strictYaml().createParser(text)) {
            return new ConfigParser(p).document();
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            // SnakeYAML's message ends with the mark of the problem itself, which can differ from
            // where the parser stopped (a tab is reported at the start of its mapping).
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+), column \\d+")
                .matcher(String.valueOf(e.getOriginalMessage()));
            while (m.find()) {
                line = Integer.parseInt(m.group(1));
            }
            throw new Problem(line, "not valid YAML: " + yamlProblem(e));
        } catch (IOException e) {
            throw new Problem(0, "cannot read: " + e.getMessage());
        }
    }

    /**
     * SnakeYAML's message is several lines: context, snippet, problem, snippet. The problem line is
     * the useful one; the line number is reported separately.
     */
    static String yamlProblem(JsonProcessingException e) {
        String msg = Json.problem(e);
        String problem = null;
        for (String l : msg.split("\n")) {
            if (!l.isBlank() && !Character.isWhitespace(l.charAt(0))) {
                problem = l.strip();
            }
        }
        if (problem == null) {
            problem = msg.strip();
        }
        problem = Json.userWords(problem);
        if (problem.contains("<block end>") || problem.contains("mapping values are not allowed")) {
            problem += " (check the indentation: keys of one mapping must line up, and a value cannot hold 'key: value')";
        }
        return problem;
    }

    private ConfigFile document() throws IOException, Problem {
        ConfigFile file = new ConfigFile();
        JsonToken t = p.nextToken();
        if (t == null || t == JsonToken.VALUE_NULL) {
            return file;
        }
        if (t != JsonToken.START_OBJECT) {
            throw problem("expected a mapping with 'current-context' and 'contexts' at the top, found " + what(t));
        }
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int keyLine = line();
            t = p.nextToken();
            switch (key) {
                case "current-context":
                    if (t == JsonToken.VALUE_NULL) {
                        break;
                    }
                    // Older versions wrote a name like 2026 unquoted: it is still that context's name.
                    if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT) {
                        throw problem("'current-context' must be a context name, found " + what(t));
                    }
                    file.setCurrentContext(p.getText().strip());
                    break;
                case "contexts":
                    contexts(file, t);
                    break;
                default:
                    throw new Problem(keyLine, "unknown top-level key '" + key
                        + "'; expected 'current-context' or 'contexts'");
            }
        }
        if (p.nextToken() != null) {
            throw problem("expected a single YAML document, found another one");
        }
        return file;
    }

    private void contexts(ConfigFile file, JsonToken t) throws IOException, Problem {
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            throw problem("'contexts' must be a mapping from context name to its settings"
                + " (name: {url: ..., token-file: ...}), found " + what(t));
        }
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            t = p.nextToken();
            ContextEntry entry = new ContextEntry();
            if (t != JsonToken.VALUE_NULL) {
                if (t != JsonToken.START_OBJECT) {
                    throw problem("context '" + name + "' must be a mapping of settings (url: ..., token-file: ...), found "
                        + what(t));
                }
                entries(name, entry);
            }
            file.contexts().put(name, entry);
        }
    }

    private void entries(String context, ContextEntry entry) throws IOException, Problem {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int keyLine = line();
            if (!ContextEntry.KEYS.contains(key)) {
                throw new Problem(keyLine, "unknown key '" + key + "' in context '" + context + "'; expected one of "
                    + String.join(", ", ContextEntry.KEYS));
            }
            t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
                continue;
            }
            if (!t.isScalarValue()) {
                throw problem("'" + key + "' in context '" + context + "' must be a single value, found " + what(t));
            }
            String value = p.getText().strip();
            check(context, key, t, value);
            entry.set(key, value);
        }
    }

    private void check(String context, String key, JsonToken t, String value) throws Problem {
        String where = "'" + key + "' in context '" + context + "'";
        switch (key) {
            case "insecure":
                if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                    throw problem(where + " must be true or false, found '" + value + "'");
                }
                break;
            case "timeout":
            case "connect-timeout":
            case "retry-max-time":
                if (!t.isNumeric()) {
                    throw problem(where + " must be a number of seconds, found '" + value + "'");
                }
                break;
            case "retries":
                if (t != JsonToken.VALUE_NUMBER_INT) {
                    throw problem(where + " must be a whole number, found '" + value + "'");
                }
                break;
            case "token-expires":
                try {
                    Instant.parse(value);
                } catch (DateTimeParseException e) {
                    throw problem(where + " must be a UTC time like 2026-01-31T12:00:00Z, found '" + value + "'");
                }
                break;
            case "output":
                if (!java.util.Set.of("table", "wide", "json", "yaml", "name").contains(value.toLowerCase(Locale.ROOT))) {
                    throw problem(where + " must be one of table, wide, json, yaml, name, found '" + value + "'");
                }
                break;
            default:
                if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT) {
                    throw problem(where + " must be text, found " + what(t));
                }
        }
    }

    private int line() {
        return p.currentTokenLocation().getLineNr();
    }

    private Problem problem(String message) {
        return new Problem(line(), message);
    }

    private static String what(JsonToken t) {
        if (t == null) {
            return "the end of the file";
        }
        switch (t) {
            case START_OBJECT: return "a mapping";
            case START_ARRAY: return "a list";
            case VALUE_STRING: return "text";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE: return "true/false";
            case VALUE_NULL: return "nothing";
            default: return t.asString() == null ? t.name() : t.asString();
        }
    }
}
