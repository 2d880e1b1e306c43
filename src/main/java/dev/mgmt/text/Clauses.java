package dev.mgmt.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sentences joined into one line with "; ". The server's texts often end a sentence ("ApiProxy (name: x)
 * was not found!", "... already exists."), so each part but the last loses that end first: the line
 * reads "was not found; did you mean", never "was not found!; did you mean".
 */
public final class Clauses {
    private Clauses() {
    }

    /** The parts that are there (null and blank ones are left out), joined with "; ". */
    public static String join(String... parts) {
        return join(Arrays.asList(parts));
    }

    public static String join(List<String> parts) {
        List<String> kept = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                kept.add(p.strip());
            }
        }
        for (int i = 0; i < kept.size() - 1; i++) {
            kept.set(i, open(kept.get(i)));
        }
        return String.join("; ", kept);
    }

    /** Without a closing '.' or '!' (an ellipsis and a question stay). */
    static String open(String sentence) {
        String s = sentence;
        while (!s.isEmpty() && (s.endsWith("!") || s.endsWith(".") && !s.endsWith("..."))) {
            s = s.substring(0, s.length() - 1).stripTrailing();
        }
        return s;
    }
}
