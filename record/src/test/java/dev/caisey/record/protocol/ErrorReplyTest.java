package dev.caisey.record.protocol;

import static dev.caisey.record.protocol.ProtocolCodecTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.Limits;
import dev.caisey.record.RecordException;
import org.junit.jupiter.api.Test;

class ErrorReplyTest {

    @Test
    void carriesTheCodeAndMessageOfARefusal() {
        ErrorReply reply = ErrorReply.of(new RecordException(ErrorCode.CONFLICT, "the approval was already answered"));

        assertThat(reply).isEqualTo(new ErrorReply(ErrorCode.CONFLICT, "the approval was already answered"));
    }

    @Test
    void cutsALongMessageWithoutSplittingACharacter() {
        String message = "a".repeat(Limits.MAX_TEXT_CHARS - 4) + "😀😀😀";

        ErrorReply reply = ErrorReply.of(new RecordException(ErrorCode.INVALID, message));

        assertThat(reply.message())
                .hasSizeLessThanOrEqualTo(Limits.MAX_TEXT_CHARS)
                .endsWith("…");
        assertThat(reply.message().codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE))
                .as("no unpaired surrogate")
                .isTrue();
        assertThat(reply.message()).endsWith("a😀…");
    }

    @Test
    void saysSomethingWhenTheRefusalHasNoMessage() {
        assertThat(ErrorReply.of(new RecordException(ErrorCode.INTERNAL, " ")).message())
                .contains("internal");
    }

    @Test
    void requiresACode() {
        assertRefused(() -> new ErrorReply(null, "x"), ErrorCode.INVALID, "code is missing");
    }
}
