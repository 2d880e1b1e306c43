package dev.mgmt.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClausesTest {

    @Test
    void should_drop_the_sentence_end_of_every_part_but_the_last() {
        assertEquals("ApiProxy (name: x) was not found; did you mean 'y'?",
            Clauses.join("ApiProxy (name: x) was not found!", "did you mean 'y'?"));
        assertEquals("already exists; try another name.", Clauses.join("already exists. ", "try another name."));
        assertEquals("a; b!", Clauses.join(List.of("a!!", "b!")));
    }

    @Test
    void should_keep_questions_and_ellipses_and_leave_out_missing_parts() {
        assertEquals("did you mean 'y'?; also 'z'", Clauses.join("did you mean 'y'?", "also 'z'"));
        assertEquals("and so on...; next", Clauses.join("and so on...", "next"));
        assertEquals("only this!", Clauses.join("only this!", null));
        assertEquals("only this", Clauses.join(null, " ", "only this"));
    }
}
