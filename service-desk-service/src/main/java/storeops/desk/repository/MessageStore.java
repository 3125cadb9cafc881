package storeops.desk.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import storeops.desk.domain.ChatMessage;
import storeops.desk.domain.Sender;

/**
 * Chat messages, keyed by a digest of (sender, time, text): the IM tool resends a whole
 * conversation with new messages appended, and a message already stored must not be stored twice.
 */
@ApplicationScoped
public class MessageStore {

    private final EntityManager em;

    public MessageStore(EntityManager em) {
        this.em = em;
    }

    /** Stores the messages not yet known; answers how many were new. Runs in the caller's transaction. */
    public int append(String shopId, String conversationId, List<ChatMessage> messages) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            Map<String, ChatMessage> incoming = new LinkedHashMap<>();
            for (ChatMessage m : messages) {
                incoming.putIfAbsent(keyOf(m), m);
            }
            int seq = 0;
            try (PreparedStatement known = c.prepareStatement(
                    "SELECT message_key FROM conversation_messages WHERE shop_id = ? AND conversation_id = ?")) {
                known.setString(1, shopId);
                known.setString(2, conversationId);
                try (ResultSet rs = known.executeQuery()) {
                    while (rs.next()) {
                        incoming.remove(rs.getString(1));
                        seq++;
                    }
                }
            }
            if (incoming.isEmpty()) {
                return 0;
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO conversation_messages"
                    + " (shop_id, conversation_id, message_key, seq, sender, sent_at, text) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (var e : incoming.entrySet()) {
                    insert.setString(1, shopId);
                    insert.setString(2, conversationId);
                    insert.setString(3, e.getKey());
                    insert.setInt(4, seq++);
                    insert.setString(5, e.getValue().sender().name());
                    insert.setLong(6, e.getValue().sentAt().toEpochMilli());
                    insert.setString(7, e.getValue().text());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return incoming.size();
        });
    }

    /** All messages of a conversation in time order; equal times keep their arrival order. */
    public List<ChatMessage> timeline(String shopId, String conversationId) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<ChatMessage> all = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT sender, sent_at, text FROM conversation_messages"
                    + " WHERE shop_id = ? AND conversation_id = ? ORDER BY sent_at, seq")) {
                q.setString(1, shopId);
                q.setString(2, conversationId);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        all.add(new ChatMessage(Sender.valueOf(rs.getString(1)), Instant.ofEpochMilli(rs.getLong(2)),
                                rs.getString(3)));
                    }
                }
            }
            return all;
        });
    }

    static String keyOf(ChatMessage m) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((m.sender().name() + '|' + m.sentAt().toEpochMilli() + '|').getBytes(StandardCharsets.UTF_8));
            if (m.text() != null) {
                sha.update(m.text().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
