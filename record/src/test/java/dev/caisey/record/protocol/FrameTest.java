package dev.caisey.record.protocol;

import static dev.caisey.record.protocol.ProtocolCodecTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.ErrorCode;
import org.junit.jupiter.api.Test;

class FrameTest {

    @Test
    void answersARequestWithItsId() {
        Frame request = Frame.request("r-7", new EndpointsList());

        Frame reply = request.reply(new Ok());

        assertThat(reply.re()).isEqualTo("r-7");
        assertThat(reply.id()).isNull();
        assertThat(reply.type()).isEqualTo(MessageType.OK);
    }

    @Test
    void answersAFrameWithoutAnIdWithoutARe() {
        assertThat(Frame.of(new Ping(1)).reply(new Pong(1)).re()).isNull();
    }

    @Test
    void requiresAnIdForARequest() {
        assertRefused(() -> Frame.request(null, new Ok()), ErrorCode.INVALID, "id is missing");
    }

    @Test
    void rejectsIdsThatAreNotIdentifiers() {
        assertRefused(() -> new Frame("two words", null, new Ok()), ErrorCode.INVALID, "id must be");
        assertRefused(() -> new Frame(null, "x".repeat(129), new Ok()), ErrorCode.INVALID, "re must be");
    }

    @Test
    void requiresABody() {
        assertRefused(() -> new Frame("r-1", null, null), ErrorCode.INVALID, "body is missing");
    }
}
