package dev.caisey.record.json;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.record.RecordException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonRulesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"a\":1.5}|$.a is a fraction",
                "{\"a\":1e3}|$.a is a fraction or uses an exponent",
                "{\"a\":[1,2.0]}|$.a[1] is a fraction",
                "{\"a\":null}|$.a is null",
                "{\"a\":9007199254740993}|$.a is outside the range",
                "{\"a\":-9007199254740993}|$.a is outside the range",
                "{\"a\":123456789012345678901234}|$.a is outside the range",
                "{\"a\":\"\\ud800x\"}|$.a contains an unpaired UTF-16 surrogate"
            })
    void rejects(String json, String message) {
        assertThatThrownBy(() -> JsonRules.check(Json.parse(json), "$"))
                .isInstanceOf(RecordException.class)
                .hasMessageContaining(message);
    }

    @Test
    void rejectsAnUnpairedSurrogateInAMemberName() {
        var node = Json.object();
        node.put("\udc00", 1);

        assertThatThrownBy(() -> JsonRules.check(node, "$"))
                .isInstanceOf(RecordException.class)
                .hasMessageContaining("(a member name) contains an unpaired UTF-16 surrogate");
    }

    @Test
    void acceptsTheLimitsThemselves() {
        assertThatCode(() -> JsonRules.check(
                        Json.parse("{\"a\":9007199254740992,\"b\":-9007199254740992,\"c\":\"\\ud83d\\ude00\"}"), "$"))
                .doesNotThrowAnyException();
    }
}
