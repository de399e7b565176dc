package dev.caisey.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.record.ErrorCode;
import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.json.EventCodec;
import dev.caisey.record.json.Json;
import dev.caisey.server.ServerException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One append's work inside an open transaction: checks every event against its session's stored head (locked with
 * {@code FOR UPDATE}) and the events before it in the batch, checks the checkpoints, then inserts everything with
 * batched statements. Commit, rollback and the sync are the caller's.
 */
final class BatchWriter {
    private static final String SELECT_HEAD = "SELECT seq, hash, at FROM event_heads WHERE session = ? FOR UPDATE";
    private static final String SELECT_HASH = "SELECT hash FROM events WHERE session = ? AND seq = ?";
    private static final String INSERT_EVENT =
            "INSERT INTO events (session, seq, at, event_id, type, hash, body) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String MERGE_HEAD =
            "MERGE INTO event_heads (session, seq, hash, at) KEY (session) VALUES (?, ?, ?, ?)";
    private static final String INSERT_CHECKPOINT =
            "INSERT INTO checkpoints (session, seq, hash, at, key_id, signature) VALUES (?, ?, ?, ?, ?, ?)";

    private final Connection connection;
    private final Map<String, ChainHead> heads = new LinkedHashMap<>();
    private final Map<String, Map<Long, String>> batchHashes = new HashMap<>();
    private final List<String> bodies = new ArrayList<>();

    private BatchWriter(Connection connection) {
        this.connection = connection;
    }

    /**
     * Checks and inserts a batch.
     *
     * @throws ServerException with {@link ErrorCode#CHAIN_BROKEN} or {@link ErrorCode#CONFLICT} if it does not fit
     */
    static void write(Connection connection, List<RecordedEvent> events, List<Checkpoint> checkpoints)
            throws SQLException {
        BatchWriter writer = new BatchWriter(connection);
        writer.checkEvents(events);
        writer.checkCheckpoints(checkpoints);
        writer.insert(events, checkpoints);
    }

    private void checkEvents(List<RecordedEvent> events) throws SQLException {
        Set<String> ids = new HashSet<>();
        for (RecordedEvent e : events) {
            ChainHead head = head(e.session());
            String where = "session " + e.session() + ", event " + e.seq();
            if (e.seq() != head.seq() + 1) {
                throw broken(where + ": expected seq " + (head.seq() + 1) + " to follow the chain");
            }
            if (!e.prev().equals(head.hash())) {
                throw broken(where + ": prev is not the hash of event " + head.seq());
            }
            if (e.at() < head.at()) {
                throw broken(where + ": its time is earlier than that of event " + head.seq());
            }
            ObjectNode json = EventCodec.toJson(e);
            if (!ChainHead.hashOf(json).equals(e.hash())) {
                throw broken(where + ": its hash does not match its content");
            }
            if (!ids.add(e.session() + '\n' + e.id())) {
                throw new ServerException(
                        ErrorCode.CONFLICT, where + ": event id " + e.id() + " appears twice in one batch");
            }
            bodies.add(Json.write(json));
            heads.put(e.session(), ChainHead.of(e));
            batchHashes.computeIfAbsent(e.session(), s -> new HashMap<>()).put(e.seq(), e.hash());
        }
    }

    private void checkCheckpoints(List<Checkpoint> checkpoints) throws SQLException {
        for (Checkpoint cp : checkpoints) {
            ChainHead head = head(cp.session());
            String where = "session " + cp.session() + ", checkpoint at event " + cp.seq();
            if (cp.seq() > head.seq()) {
                throw broken(where + ": the session has only " + head.seq() + " events");
            }
            String hash = batchHashes.getOrDefault(cp.session(), Map.of()).get(cp.seq());
            if (hash == null) {
                hash = storedHash(cp.session(), cp.seq());
            }
            if (!cp.hash().equals(hash)) {
                throw broken(where + ": its hash is not that event's hash");
            }
        }
    }

    /** The head as the batch has moved it so far, reading (and locking) the stored one on first use. */
    private ChainHead head(String session) throws SQLException {
        ChainHead head = heads.get(session);
        if (head != null) {
            return head;
        }
        try (PreparedStatement s = connection.prepareStatement(SELECT_HEAD)) {
            s.setString(1, session);
            try (ResultSet r = s.executeQuery()) {
                head = r.next()
                        ? new ChainHead(session, r.getLong(1), r.getString(2), r.getLong(3))
                        : ChainHead.genesis(session);
            }
        }
        heads.put(session, head);
        return head;
    }

    private String storedHash(String session, long seq) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(SELECT_HASH)) {
            s.setString(1, session);
            s.setLong(2, seq);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private void insert(List<RecordedEvent> events, List<Checkpoint> checkpoints) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(INSERT_EVENT)) {
            for (int i = 0; i < events.size(); i++) {
                RecordedEvent e = events.get(i);
                s.setString(1, e.session());
                s.setLong(2, e.seq());
                s.setLong(3, e.at());
                s.setString(4, e.id());
                s.setString(5, e.type().wireName());
                s.setString(6, e.hash());
                s.setString(7, bodies.get(i));
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = connection.prepareStatement(MERGE_HEAD)) {
            for (RecordedEvent e : events) {
                if (heads.get(e.session()).seq() == e.seq()) {
                    s.setString(1, e.session());
                    s.setLong(2, e.seq());
                    s.setString(3, e.hash());
                    s.setLong(4, e.at());
                    s.addBatch();
                }
            }
            s.executeBatch();
        }
        try (PreparedStatement s = connection.prepareStatement(INSERT_CHECKPOINT)) {
            for (Checkpoint cp : checkpoints) {
                s.setString(1, cp.session());
                s.setLong(2, cp.seq());
                s.setString(3, cp.hash());
                s.setLong(4, cp.at());
                s.setString(5, cp.keyId());
                s.setString(6, cp.signature());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static ServerException broken(String message) {
        return new ServerException(ErrorCode.CHAIN_BROKEN, message);
    }
}
