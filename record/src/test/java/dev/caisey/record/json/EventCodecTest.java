package dev.caisey.record.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.record.ErrorCode;
import dev.caisey.record.RecordException;
import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.event.Actor;
import dev.caisey.record.event.Event;
import dev.caisey.record.event.EventSamples;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {
    private static final Actor TECHNICIAN = new Actor(Role.TECHNICIAN, "u-1", "Dana");

    static Stream<Event> samples() {
        return EventSamples.all().stream();
    }

    private static RecordedEvent recorded(Event event) {
        return ChainHead.genesis("s-1").next(1_700_000_000_000_000L, "id-1", TECHNICIAN, 1_699_999_999_000_000L, event);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void roundTripsEveryEventTypeThroughJsonText(Event event) {
        RecordedEvent original = recorded(event);

        String text = Json.write(EventCodec.toJson(original));
        RecordedEvent read = EventCodec.fromJson(Json.parse(text), "event");

        assertThat(read).isEqualTo(original);
        assertThat(ChainHead.hashOf(Json.parse(text))).isEqualTo(original.hash());
    }

    @Test
    void writesTheTypeNameAndLeavesOutAbsentMembers() {
        ObjectNode json = EventCodec.toJson(ChainHead.genesis("s-1")
                .next(5, "id-1", Actor.SERVER, null, new dev.caisey.record.event.ParticipantLeft(null)));

        assertThat(json.get("type").textValue()).isEqualTo("participant.left");
        assertThat(json.has("sourceAt")).isFalse();
        assertThat(json.get("data").isEmpty()).isTrue();
    }

    @Test
    void rejectsAnUnknownEventType() {
        ObjectNode json = EventCodec.toJson(recorded(EventSamples.all().get(3)));
        json.put("type", "chat.whisper");

        assertThatThrownBy(() -> EventCodec.fromJson(json, "events[3]"))
                .isInstanceOf(RecordException.class)
                .hasMessageStartingWith("events[3]: unknown event type 'chat.whisper'")
                .extracting(e -> ((RecordException) e).code())
                .isEqualTo(ErrorCode.UNKNOWN_TYPE);
    }

    @Test
    void rejectsAMissingEnvelopeMember() {
        ObjectNode json = EventCodec.toJson(recorded(EventSamples.all().get(3)));
        json.remove("prev");

        assertThatThrownBy(() -> EventCodec.fromJson(json, "events[0]"))
                .isInstanceOf(RecordException.class)
                .hasMessage("events[0] is missing the member 'prev'");
    }

    @Test
    void rejectsAnUnknownEnvelopeMember() {
        ObjectNode json = EventCodec.toJson(recorded(EventSamples.all().get(3)));
        json.put("signedBy", "me");

        assertThatThrownBy(() -> EventCodec.fromJson(json, "events[0]"))
                .isInstanceOf(RecordException.class)
                .hasMessageContaining("unknown member 'signedBy'");
    }

    @Test
    void rejectsAMissingIntegerInTheData() {
        ObjectNode json = EventCodec.toJson(recorded(EventSamples.all().get(12)));
        ((ObjectNode) json.get("data")).remove("exitCode");

        assertThatThrownBy(() -> EventCodec.fromJson(json, "events[0]"))
                .isInstanceOf(RecordException.class)
                .hasMessageContaining("events[0].data (command.finished)")
                .hasMessageContaining("exitCode");
    }

    @Test
    void rejectsAMissingBooleanInTheData() {
        ObjectNode json = EventCodec.toJson(recorded(EventSamples.all().get(12)));
        ((ObjectNode) json.get("data")).remove("truncated");

        assertThatThrownBy(() -> EventCodec.fromJson(json, "events[0]"))
                .isInstanceOf(RecordException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void rejectsAStringWhereANumberBelongs() {
        ObjectNode json = EventCodec.toJson(recorded(EventSamples.all().get(12)));
        ((ObjectNode) json.get("data")).put("exitCode", "0");

        assertThatThrownBy(() -> EventCodec.fromJson(json, "events[0]"))
                .isInstanceOf(RecordException.class)
                .hasMessageContaining("exitCode");
    }

    @Test
    void rejectsANumberOrBooleanWhereAStringBelongs() {
        ObjectNode json = EventCodec.toJson(recorded(EventSamples.all().get(3)));
        ((ObjectNode) json.get("data")).put("text", 5);
        ObjectNode other = EventCodec.toJson(recorded(EventSamples.all().get(3)));
        ((ObjectNode) other.get("actor")).put("name", true);

        assertThatThrownBy(() -> EventCodec.fromJson(json, "events[4]"))
                .isInstanceOf(RecordException.class)
                .hasMessage("events[4].data (chat.message).text must be a string; found an integer");
        assertThatThrownBy(() -> EventCodec.fromJson(other, "events[4]"))
                .isInstanceOf(RecordException.class)
                .hasMessage("events[4].actor.name must be a string; found true or false");
    }

    @Test
    void rejectsAnInvalidDataValueWithTheRecordsMessage() {
        ObjectNode json = EventCodec.toJson(recorded(EventSamples.all().get(3)));
        ((ObjectNode) json.get("data")).put("text", " ");

        assertThatThrownBy(() -> EventCodec.fromJson(json, "events[4]"))
                .isInstanceOf(RecordException.class)
                .hasMessage("events[4].data (chat.message): text must not be blank");
    }

    @Test
    void rejectsAnInvalidEnvelopeValue() {
        ObjectNode json = EventCodec.toJson(recorded(EventSamples.all().get(3)));
        json.put("seq", 0);

        assertThatThrownBy(() -> EventCodec.fromJson(json, "events[4]"))
                .isInstanceOf(RecordException.class)
                .hasMessageStartingWith("events[4].seq must be between 1 and");
    }
}
