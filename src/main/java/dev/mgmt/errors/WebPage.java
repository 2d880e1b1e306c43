package dev.mgmt.errors;

import dev.mgmt.http.ApiResponse;
import dev.mgmt.http.HtmlPage;

import java.util.ArrayList;
import java.util.List;

/**
 * A 2xx web page where the API's JSON (or the health check's text) was expected. Single-sign-on
 * gateways and web consoles answer every path with 200 and a login form, so the status alone says
 * nothing: the body shows that something other than the Management API answered.
 */
public final class WebPage {
    private WebPage() {
    }

    /** The failure a 2xx HTML answer means, or null when the answer is not a web page. */
    public static ApiError inspect(ApiResponse r) {
        if (!r.isSuccess()) {
            return null;
        }
        HtmlPage page = HtmlPage.of(r);
        return page == null ? null : new ApiError(r.status(), null, headline(r, page), List.of(), null,
            ApiError.Origin.HTML_PAGE, notes(r));
    }

    /** The exception a command throws for it: exit 12. */
    public static ApiException failure(ApiResponse r, ApiError page, int attempt) {
        return new ApiException(ExitCodes.UNEXPECTED_RESPONSE, page, r, attempt);
    }

    /** "a web page answered at URL, not the Management API: the page looks like a sign-in page (...)". */
    public static String headline(ApiResponse r, HtmlPage page) {
        return (page.isSignIn() ? "a sign-in page" : "a web page") + " answered at " + r.request().uri()
            + ", not the Management API: " + page.summary()
            + "; check that the manager URL (--url, MGMT_URL or the context) is the API's address";
    }

    private static List<String> notes(ApiResponse r) {
        List<String> notes = new ArrayList<>(ErrorDecoder.whoAnswered(r));
        notes.add("a single-sign-on gateway or web console sits at this address; mgmt needs the manager's API"
            + " (the address whose test/healthcheck/ answers the text OK)");
        notes.add("run with -vvv to see the whole page, or 'mgmt api --raw PATH' to print it");
        return notes;
    }
}
