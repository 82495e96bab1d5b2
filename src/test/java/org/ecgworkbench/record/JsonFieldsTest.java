package org.ecgworkbench.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The strict field reader the codecs share: every refusal names the field by its path. */
class JsonFieldsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonFields fields(String json) throws Exception {
        return JsonFields.root(MAPPER.readTree(json));
    }

    @Test
    void readsTypedFieldsAndNullableNumbers() throws Exception {
        JsonFields f = fields("{\"a\": \"x\", \"n\": 1.5, \"i\": 3, \"b\": true, \"f1\": null, \"s\": [\"p\", \"q\"], \"o\": {\"k\": 2}}");
        assertThat(f.text("a")).isEqualTo("x");
        assertThat(f.number("n")).isEqualTo(1.5);
        assertThat(f.integer("i")).isEqualTo(3);
        assertThat(f.bool("b")).isTrue();
        assertThat(f.nullableNumber("f1")).isNaN();
        assertThat(f.nullableNumber("n")).isEqualTo(1.5);
        assertThat(f.strings("s")).containsExactly("p", "q");
        assertThat(f.object("o").integer("k")).isEqualTo(2);
        assertThat(f.optional("absent")).isNull();
    }

    @Test
    void refusalsNameTheFieldByItsPath() throws Exception {
        JsonFields f = fields("{\"o\": {\"k\": \"two\", \"extra\": 1}, \"s\": [\"p\", 3], \"t\": [0.5, \"x\"], \"z\": null}");
        assertThatThrownBy(() -> f.object("o").integer("k")).hasMessage("field 'o.k' must be an integer");
        assertThatThrownBy(() -> f.object("o").only(Set.of("k"))).hasMessage("unknown field 'o.extra'")
                .isInstanceOfSatisfying(JsonFields.Problem.class, p -> {
                    assertThat(p.field()).isEqualTo("o.extra");
                    assertThat(p.problem()).isEqualTo("unknown field");
                });
        assertThatThrownBy(() -> f.required("missing")).hasMessage("missing field 'missing'");
        assertThatThrownBy(() -> f.strings("s")).hasMessage("field 's[1]' must be a string");
        assertThatThrownBy(() -> f.numbers("t")).hasMessage("field 't[1]' must be a number");
        assertThatThrownBy(() -> f.nullableNumber("s")).hasMessage("field 's' must be a number or null");
        assertThatThrownBy(() -> f.text("z")).hasMessage("field 'z' must be a string");
        assertThat(f.objectOrNull("z")).isNull();
        assertThatThrownBy(() -> f.objectOrNull("s")).hasMessage("field 's' must be an object or null");
    }

    @Test
    void aTypedRefusalSaysWhatWasExpectedAndFound() throws Exception {
        JsonFields f = fields("{\"n\": \"x\"}");
        assertThatThrownBy(() -> f.integer("n")).isInstanceOfSatisfying(JsonFields.Problem.class, p -> {
            assertThat(p.expected()).isEqualTo("an integer");
            assertThat(p.found().asText()).isEqualTo("x");
        });
        assertThatThrownBy(() -> f.text("absent")).isInstanceOfSatisfying(JsonFields.Problem.class, p -> {
            assertThat(p.found()).isNull();
            assertThat(p.problem()).isEqualTo("must be a string");
        });
    }
}
