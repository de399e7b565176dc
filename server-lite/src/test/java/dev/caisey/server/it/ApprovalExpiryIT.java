package dev.caisey.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.event.ApprovalExpired;
import dev.caisey.record.event.ApprovalGranted;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import dev.caisey.record.protocol.ApprovalAnswer;
import dev.caisey.record.protocol.CommandRun;
import dev.caisey.record.protocol.EventPush;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.SessionSubscribe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approval gate's clock: a risky command nobody approves in time is recorded {@code approval.expired} and never
 * reaches the agent, and an answer that comes too late is refused.
 */
class ApprovalExpiryIT {
    private static final String RISKY = "Restart-Service Spooler";

    @TempDir
    Path dir;

    private ServerFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void anUnansweredRiskyCommandExpiresNeverRunsAndALateApprovalIsRefused() throws Exception {
        fixture = ServerFixture.start(dir, Duration.ofSeconds(1));
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient dana = fixture.console("dana")) {
            String session = Steps.openSession(dana, agent);
            dana.ask(new SessionSubscribe(session, 0), Ok.class);
            try (WireClient page = Steps.joinedPage(fixture, dana, session)) {
                dana.ask(Steps.command(session, "c-1", RISKY, "Restart the Print Spooler service"), Ok.class);

                RecordedEvent expired = awaitEvent(dana, e -> e.event() instanceof ApprovalExpired);
                assertThat(((ApprovalExpired) expired.event()).approvalId()).isEqualTo("apr-c-1");
                assertThat(expired.actor().role()).isEqualTo(Role.SERVER);
                long head = fixture.heads().get(session);

                var late = Steps.refused(
                        page.request(new ApprovalAnswer(session, "apr-c-1", true, null)), ErrorCode.CONFLICT);
                assertThat(late.message()).containsIgnoringCase("expired");
                assertThat(fixture.heads().get(session)).isEqualTo(head);

                Steps.roundTrip(agent.wire());
                assertThat(agent.wire().drain()).noneMatch(f -> f.body() instanceof CommandRun);
            }
        }
    }

    @Test
    void anApprovalAfterTheDeadlineIsRefusedEvenBeforeTheTimerRecordsTheExpiry() throws Exception {
        TestClock clock = new TestClock();
        fixture = ServerFixture.start(dir, Duration.ofMinutes(5), clock);
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient dana = fixture.console("dana")) {
            String session = Steps.openSession(dana, agent);
            dana.ask(new SessionSubscribe(session, 0), Ok.class);
            try (WireClient page = Steps.joinedPage(fixture, dana, session)) {
                dana.ask(Steps.command(session, "c-1", RISKY, "Restart the Print Spooler service"), Ok.class);
                clock.advance(Duration.ofMinutes(6));

                var late = Steps.refused(
                        page.request(new ApprovalAnswer(session, "apr-c-1", true, null)), ErrorCode.CONFLICT);
                assertThat(late.message()).containsIgnoringCase("expired");
                RecordedEvent expired = awaitEvent(dana, e -> e.event() instanceof ApprovalExpired);
                assertThat(expired.actor().role()).isEqualTo(Role.SERVER);

                Steps.refused(page.request(new ApprovalAnswer(session, "apr-c-1", true, null)), ErrorCode.CONFLICT);
                Steps.roundTrip(dana);
                assertThat(Steps.receivedEvents(dana)).noneMatch(e -> e.event() instanceof ApprovalGranted);
                Steps.roundTrip(agent.wire());
                assertThat(agent.wire().drain()).noneMatch(f -> f.body() instanceof CommandRun);
            }
        }
    }

    @Test
    void anApprovalInTimeRunsTheCommandAndIsNotExpiredLater() throws Exception {
        fixture = ServerFixture.start(dir, Duration.ofSeconds(1));
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient dana = fixture.console("dana")) {
            String session = Steps.openSession(dana, agent);
            dana.ask(new SessionSubscribe(session, 0), Ok.class);
            try (WireClient page = Steps.joinedPage(fixture, dana, session)) {
                dana.ask(Steps.command(session, "c-1", RISKY, "Restart the Print Spooler service"), Ok.class);
                page.ask(new ApprovalAnswer(session, "apr-c-1", true, null), Ok.class);
                assertThat(agent.wire().awaitBody(CommandRun.class).commandId()).isEqualTo("c-1");

                Thread.sleep(Duration.ofMillis(1_500));
                Steps.roundTrip(dana);
                assertThat(Steps.receivedEvents(dana)).noneMatch(e -> e.event() instanceof ApprovalExpired);
            }
        }
    }

    private static RecordedEvent awaitEvent(WireClient console, Predicate<RecordedEvent> match)
            throws InterruptedException {
        return ((EventPush) console.await(f -> f.body() instanceof EventPush push && match.test(push.event()))
                        .body())
                .event();
    }
}
