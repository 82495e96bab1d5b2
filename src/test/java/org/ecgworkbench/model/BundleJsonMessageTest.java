package org.ecgworkbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 14, point 14: a malformed bundle's JSON error says what and where, never "enable a Jackson feature". */
class BundleJsonMessageTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\": NaN}", "/* c */ {}", "{'a': 1}", "{a: 1}", "{\"a\": 01}", "{\"a\": [1,]}",
        "{\"a\": 1,}", "{\"a\": \"x\ny\"}", "{\"a\": Infinity}", "{\"a\": +1}", "{\"a\": .5}", "{\"a\": 1", "# c\n{}",
        "{\"a\": \"\\q\"}", "[1, 2", "{\"a\" 1}", "\u0000",
    })
    void jacksonFeatureHintsAreNotPassedOn(String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BundleMetadataJson.tree(json));
        assertThat(e.getMessage()).startsWith("not valid JSON: ")
                .doesNotContainIgnoringCase("feature").doesNotContain("ALLOW_").doesNotContain("enable")
                .doesNotContain("Source:").doesNotContain("com.fasterxml");
    }
}
