package dev.caisey.record.protocol;

import static dev.caisey.record.protocol.ProtocolCodecTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.event.ApprovalGranted;
import dev.caisey.record.event.CommandCancelled;
import dev.caisey.record.event.EventType;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentReportTest {

    @Test
    void allowsOnlyEventsAboutACommandsProcess() {
        assertThat(AgentReport.REPORTABLE)
                .isEqualTo(Set.of(
                        EventType.COMMAND_STARTED,
                        EventType.COMMAND_OUTPUT,
                        EventType.COMMAND_FINISHED,
                        EventType.COMMAND_CANCELLED,
                        EventType.COMMAND_TIMED_OUT));
    }

    @Test
    void acceptsAReportableEvent() {
        AgentReport report = new AgentReport("s-1", "e-1", 0, new CommandCancelled("cmd-1", "never started"));

        assertThat(report.event().type()).isEqualTo(EventType.COMMAND_CANCELLED);
    }

    @Test
    void refusesAnEventAnAgentMayNotReport() {
        assertRefused(
                () -> new AgentReport("s-1", "e-1", 0, new ApprovalGranted("apr-1")),
                ErrorCode.FORBIDDEN,
                "an agent may not report 'approval.granted' events");
    }

    @Test
    void requiresTheEvent() {
        assertRefused(() -> new AgentReport("s-1", "e-1", 0, null), ErrorCode.INVALID, "data is missing");
    }
}
