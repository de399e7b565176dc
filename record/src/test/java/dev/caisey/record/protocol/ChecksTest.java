package dev.caisey.record.protocol;

import static dev.caisey.record.protocol.ProtocolCodecTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChecksTest {

    @Test
    void acceptsAbsoluteHttpsAndHttpUrls() {
        assertThat(Checks.url("https://caisey.example/join/K7P", "url")).isEqualTo("https://caisey.example/join/K7P");
        assertThat(Checks.url("http://localhost:8080/join/K7P", "url")).isNotNull();
    }

    @Test
    void rejectsOtherUrls() {
        assertRefused(() -> Checks.url("/join/K7P", "url"), ErrorCode.INVALID, "url must be an absolute https");
        assertRefused(() -> Checks.url("javascript:alert(1)", "url"), ErrorCode.INVALID, "url must be");
        assertRefused(() -> Checks.url("https://exa mple/", "url"), ErrorCode.INVALID, "url must be");
    }

    @Test
    void copiesAListSoLaterChangesDoNotShowThrough() {
        List<String> ids = new ArrayList<>(List.of("a"));

        List<String> copy = Checks.list(ids, "ids", 2);
        ids.add("b");

        assertThat(copy).containsExactly("a");
    }

    @Test
    void rejectsAListWithANullEntry() {
        assertRefused(() -> Checks.list(Arrays.asList("a", null), "ids", 5), ErrorCode.INVALID, "ids[1] is missing");
    }

    @Test
    void rejectsALongerList() {
        assertRefused(() -> Checks.list(List.of(1, 2, 3), "ids", 2), ErrorCode.INVALID, "ids has 3 entries; at most 2");
    }
}
