package dev.caisey.server.store;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.server.ServerException;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of every session: append-only chains of events and the signed checkpoints beside them.
 *
 * <p>The contract every implementation keeps (the embedded {@link H2EventStore} and the PostgreSQL store alike):
 *
 * <ul>
 *   <li><b>Durability.</b> {@link #append} returns only after everything it wrote is on stable storage (fsync'd); a
 *       crash or power cut after it returns loses none of it. Only then may the caller acknowledge the events.
 *   <li><b>Atomicity.</b> A batch is stored whole or not at all, across all the sessions it touches. A refused batch
 *       changes nothing.
 *   <li><b>Chain order.</b> Each session's events continue its stored chain exactly: the first has {@code seq} = stored
 *       head + 1 and {@code prev} = the stored head's hash, each next one follows the one before it in the batch, and
 *       each {@code hash} matches its content. Events of different sessions may interleave freely in a batch.
 *   <li><b>Ordering of reads.</b> Reads return events in ascending {@code seq}; they see only appended batches.
 *   <li><b>Thread safety.</b> All methods may be called from any thread. Appends to one session must still come from
 *       its one sequencer (appends racing on one session are refused, not merged); the {@link GroupCommitter} is the
 *       intended single caller of {@code append}. Do not interrupt a thread inside {@code append}.
 * </ul>
 *
 * <p>Failures are {@link ServerException}s: {@link ErrorCode#CHAIN_BROKEN} or {@link ErrorCode#CONFLICT} for a batch
 * that does not fit the stored chains, {@link ErrorCode#INVALID} for a bad argument, {@link ErrorCode#INTERNAL} when
 * storage fails.
 */
public interface EventStore {
    /** Most events one {@link #events} call returns. */
    int MAX_PAGE_EVENTS = 1_000;

    /**
     * Appends events and checkpoints of any number of sessions, atomically and durably.
     *
     * <p>A checkpoint must name an event that is stored or in this batch, with that event's hash; its signature is
     * the caller's business.
     *
     * @throws ServerException with {@link ErrorCode#CHAIN_BROKEN} if an event does not continue its session's chain
     *     or a checkpoint names an unknown event; {@link ErrorCode#CONFLICT} if an event id is already stored in its
     *     session or a checkpoint repeats one; {@link ErrorCode#INTERNAL} if storage fails. Nothing is stored then.
     */
    void append(List<RecordedEvent> events, List<Checkpoint> checkpoints);

    /** The end of a session's stored chain, or empty if the session has no events. */
    Optional<ChainHead> head(String session);

    /**
     * A page of a session's events: those with {@code seq > afterSeq}, ascending, at most {@code limit} of them.
     *
     * @param limit how many at most; larger values are lowered to {@link #MAX_PAGE_EVENTS}
     * @throws ServerException with {@link ErrorCode#INVALID} if {@code afterSeq < 0} or {@code limit < 1}
     */
    List<RecordedEvent> events(String session, long afterSeq, int limit);

    /**
     * The same page as {@link #events}, each event as the JSON text it is stored as (what its hash covers), for serving
     * records without parsing and writing them again. Implementations that store JSON return it as it is.
     */
    default List<String> eventJson(String session, long afterSeq, int limit) {
        return events(session, afterSeq, limit).stream()
                .map(e -> dev.caisey.record.json.Json.write(dev.caisey.record.json.EventCodec.toJson(e)))
                .toList();
    }

    /** A session's checkpoints in ascending {@code seq}. */
    List<Checkpoint> checkpoints(String session);

    /** The stored event of a session with the given source id, to drop a resent event. */
    Optional<RecordedEvent> findByEventId(String session, String eventId);

    /** The ids of all sessions with at least one event, in ascending order. */
    List<String> sessions();

    /** How many events a session has stored (0 for an unknown session). */
    long count(String session);
}
