package dev.mgmt.errors;

import java.util.Locale;

/**
 * The one recogniser of the API's ways of saying that a named thing is missing: a 404, or the 400
 * several endpoints answer instead ("Api Proxy (X) is not found!", "... because it is not exist!").
 * The text must name the thing, so a 400 about a missing parent or another field does not count.
 */
public final class NotFoundAnswer {
    private NotFoundAnswer() {
    }

    public static boolean names(ApiException e, String name) {
        int status = e.error().status();
        if (status == 404) {
            return true;
        }
        return status == 400 && saysMissing(e.error().description(), name);
    }

    private static boolean saysMissing(String description, String name) {
        if (description == null || name == null || name.isEmpty()) {
            return false;
        }
        String d = description.toLowerCase(Locale.ROOT);
        return d.contains(name.toLowerCase(Locale.ROOT)) && (d.contains("not found") || d.contains("not exist"));
    }
}
