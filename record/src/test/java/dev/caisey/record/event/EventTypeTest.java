package dev.caisey.record.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.RecordException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypeTest {

    @Test
    void everyPermittedEventRecordHasExactlyOneType() {
        List<Class<?>> permitted = Arrays.asList(Event.class.getPermittedSubclasses());
        List<Class<?>> catalogued = Arrays.stream(EventType.values())
                .<Class<?>>map(EventType::javaType)
                .toList();

        assertThat(catalogued).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(permitted);
    }

    @Test
    void typeNamesAreDottedLowerCase() {
        assertThat(EventType.values()).allSatisfy(t -> assertThat(t.wireName()).matches("[a-z]+(\\.[a-z_]+)+"));
    }

    @Test
    void samplesCoverEveryType() {
        assertThat(EventSamples.all().stream().map(Event::type)).containsExactly(EventType.values());
    }

    @Test
    void unknownNameIsRefusedWithTheKnownNames() {
        assertThatThrownBy(() -> EventType.ofWireName("chat.shout"))
                .isInstanceOf(RecordException.class)
                .hasMessageContaining("unknown event type 'chat.shout'")
                .hasMessageContaining("chat.message")
                .extracting(e -> ((RecordException) e).code())
                .isEqualTo(ErrorCode.UNKNOWN_TYPE);
    }
}
