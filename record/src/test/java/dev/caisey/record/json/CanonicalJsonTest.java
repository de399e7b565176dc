package dev.caisey.record.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalJsonTest {
    private static final Path VECTORS = Path.of("src/test/resources/jcs");

    @ParameterizedTest
    @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
    void producesTheReferenceOutputOfRfc8785(String name) throws IOException {
        String input = Files.readString(VECTORS.resolve("input/" + name + ".json"));
        byte[] expected = Files.readAllBytes(VECTORS.resolve("output/" + name + ".json"));

        assertThat(CanonicalJson.text(input).getBytes(StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void sortsMemberNamesByUtf16CodeUnitsNotByCodePoints() {
        // U+1F602 (surrogates D83D DE02) sorts before U+FB33 in UTF-16 but after it by code point.
        String canonical = CanonicalJson.text("{\"\\ufb33\":1,\"\\ud83d\\ude02\":2}");

        assertThat(canonical).isEqualTo("{\"\uD83D\uDE02\":2,\"\uFB33\":1}");
    }

    @Test
    void isNotWhatJacksonWithSortedKeysWrites() throws IOException {
        // Jackson keeps 1E30 and 4.50 in Java's number forms; JCS requires ECMAScript's (1e+30, 4.5).
        String input = "{\"b\":1E30,\"a\":4.50}";
        ObjectMapper plain = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        String jackson = plain.writeValueAsString(plain.readValue(input, java.util.Map.class));

        assertThat(CanonicalJson.text(input)).isEqualTo("{\"a\":4.5,\"b\":1e+30}");
        assertThat(jackson).isNotEqualTo(CanonicalJson.text(input));
    }

    @Test
    void bytesOfATreeEqualTheTextForm() {
        JsonNode tree = Json.parse("{\"b\":[1,true,\"\\u00e9\"],\"a\":{\"z\":-9007199254740992,\"y\":\"\\n\"}}");

        assertThat(new String(CanonicalJson.bytes(tree), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":{\"y\":\"\\n\",\"z\":-9007199254740992},\"b\":[1,true,\"\u00e9\"]}");
    }
}
