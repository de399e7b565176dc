package dev.caisey.record.event;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.record.Limits;
import dev.caisey.record.RecordException;
import org.junit.jupiter.api.Test;

class EventValidationTest {

    @Test
    void rejectsABlankChatMessage() {
        assertThatThrownBy(() -> new ChatMessage("  "))
                .isInstanceOf(RecordException.class)
                .hasMessage("text must not be blank");
    }

    @Test
    void rejectsAChatMessageOverTheLimit() {
        assertThatThrownBy(() -> new ChatMessage("x".repeat(Limits.MAX_TEXT_CHARS + 1)))
                .isInstanceOf(RecordException.class)
                .hasMessageContaining("text is " + (Limits.MAX_TEXT_CHARS + 1) + " characters long");
    }

    @Test
    void rejectsAnUnknownTimeZone() {
        assertThatThrownBy(() -> new Organisation("o-1", "Harbor", "Mars/Olympus", null, ApprovalPolicy.ALL))
                .isInstanceOf(RecordException.class)
                .hasMessageContaining("organisation.timeZone must be an IANA zone")
                .hasMessageContaining("Mars/Olympus");
    }

    @Test
    void rejectsAnOffsetWhereAZoneBelongs() {
        assertThatThrownBy(() -> new Organisation("o-1", "Harbor", "+05:00", null, ApprovalPolicy.ALL))
                .hasMessageContaining("organisation.timeZone must be an IANA zone");
        assertThatThrownBy(() -> new Organisation("o-1", "Harbor", "Z", null, ApprovalPolicy.ALL))
                .hasMessageContaining("organisation.timeZone must be an IANA zone");
    }

    @Test
    void rejectsABlankOptionalTextButKeepsWhitespaceOutput() {
        assertThatThrownBy(() -> new ParticipantLeft(" ")).hasMessage("reason must not be blank; leave it out instead");
        org.assertj.core.api.Assertions.assertThat(new CommandOutput("c-1", OutputChannel.STDOUT, 0, "\r\n").text())
                .isEqualTo("\r\n");
    }

    @Test
    void rejectsAnIdWithSpaces() {
        assertThatThrownBy(() -> new ApprovalGranted("a 1"))
                .isInstanceOf(RecordException.class)
                .hasMessageContaining("approvalId must be 1 to 128 letters");
    }

    @Test
    void rejectsAnEmptyOutputChunk() {
        assertThatThrownBy(() -> new CommandOutput("c-1", OutputChannel.STDOUT, 0, ""))
                .isInstanceOf(RecordException.class)
                .hasMessageContaining("must not be empty");
    }

    @Test
    void rejectsANegativeSeq() {
        assertThatThrownBy(() -> new RecordedEvent(
                        "s-1",
                        0,
                        1,
                        "id-1",
                        Actor.SERVER,
                        null,
                        new ApprovalExpired("a-1"),
                        "0".repeat(64),
                        "0".repeat(64)))
                .isInstanceOf(RecordException.class)
                .hasMessageContaining("seq must be between 1 and");
    }

    @Test
    void rejectsAnUpperCaseHash() {
        assertThatThrownBy(() -> new RecordedEvent(
                        "s-1",
                        1,
                        1,
                        "id-1",
                        Actor.SERVER,
                        null,
                        new ApprovalExpired("a-1"),
                        "0".repeat(64),
                        "A".repeat(64)))
                .isInstanceOf(RecordException.class)
                .hasMessageContaining("hash must be 64 lower-case hex digits");
    }
}
