package dev.caisey.record.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.RecordException;
import dev.caisey.record.event.Actor;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void rejectsDuplicateMemberNames() {
        assertThatThrownBy(() -> Json.parse("{\"seq\":1,\"seq\":2}"))
                .isInstanceOf(RecordException.class)
                .hasMessageContaining("Duplicate field 'seq'")
                .extracting(e -> ((RecordException) e).code())
                .isEqualTo(ErrorCode.MALFORMED);
    }

    @Test
    void rejectsTrailingContent() {
        assertThatThrownBy(() -> Json.parse("{} {}")).isInstanceOf(RecordException.class);
    }

    @Test
    void rejectsDeepNesting() {
        String deep = "[".repeat(100) + "]".repeat(100);

        assertThatThrownBy(() -> Json.parse(deep))
                .isInstanceOf(RecordException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void rejectsAByteOrderMarkAndOtherEncodings() {
        byte[] bom = "\uFEFF{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] utf16 = "{\"a\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);

        assertThatThrownBy(() -> Json.parse(bom)).hasMessageContaining("byte-order mark");
        assertThatThrownBy(() -> Json.parse(utf16)).isInstanceOf(RecordException.class);
        assertThatThrownBy(() -> Json.parse(new byte[] {'"', (byte) 0xC3, '"'})).hasMessageContaining("not UTF-8");
    }

    @Test
    void rejectsEmptyInputInWords() {
        assertThatThrownBy(() -> Json.parse(""))
                .isInstanceOf(RecordException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void saysWhereTheTextStopsBeingJson() {
        assertThatThrownBy(() -> Json.parse("{\n  \"a\": tru\n}"))
                .isInstanceOf(RecordException.class)
                .hasMessageStartingWith("not valid JSON at line 2");
    }

    @Test
    void bindNamesTheUnknownMember() {
        assertThatThrownBy(() -> Json.bind(
                        Json.parse("{\"role\":\"client\",\"id\":\"c\",\"name\":\"n\",\"admin\":true}"),
                        Actor.class,
                        "actor"))
                .isInstanceOf(RecordException.class)
                .hasMessageContaining("actor has an unknown member 'admin'");
    }

    @Test
    void bindRefusesAStringWhereAnIntegerBelongs() {
        assertThatThrownBy(
                        () -> Json.bind(Json.parse("{\"role\":7,\"id\":\"c\",\"name\":\"n\"}"), Actor.class, "actor"))
                .isInstanceOf(RecordException.class)
                .hasMessageContaining("actor");
    }

    @Test
    void bindReportsTheRecordsOwnValidationMessage() {
        assertThatThrownBy(() ->
                        Json.bind(Json.parse("{\"role\":\"pilot\",\"id\":\"c\",\"name\":\"n\"}"), Actor.class, "actor"))
                .isInstanceOf(RecordException.class)
                .hasMessageContaining("role must be one of technician, client, agent, server; found 'pilot'");
    }

    @Test
    void writesWithoutNulls() {
        assertThat(Json.write(Json.tree(new dev.caisey.record.event.ParticipantLeft(null))))
                .isEqualTo("{}");
    }
}
