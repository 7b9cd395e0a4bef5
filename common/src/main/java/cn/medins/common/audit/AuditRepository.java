package cn.medins.common.audit;

import cn.medins.common.lock.HoldsWriterSlot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/** Every statement of the audit trail's table ({@code audit_event}): batches written, pages read. */
@ApplicationScoped
public class AuditRepository {

    @Inject
    EntityManager em;

    /** The service's own schema (Quarkus's setting), for the JDBC batch. */
    @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema")
    String schema;

    /** Writes a batch of events with one JDBC batch, in a transaction of its own. */
    @HoldsWriterSlot
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void insert(List<AuditEvent> batch) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into " + schema + ".audit_event "
                    + "(at, subject, role, method, path, status, outcome) values (?, ?, ?, ?, ?, ?, ?)")) {
                for (AuditEvent e : batch) {
                    insert.setTimestamp(1, Timestamp.from(e.at));
                    insert.setString(2, e.subject);
                    insert.setString(3, e.role);
                    insert.setString(4, e.method);
                    insert.setString(5, e.path);
                    insert.setInt(6, e.status);
                    insert.setString(7, e.outcome);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Newest first, below the cursor, {@code limit + 1} rows; each filter may be null. */
    List<AuditEvent> page(String subject, String role, String outcome, Instant from, Instant to, Long before,
                          int limit) {
        StringBuilder query = new StringBuilder("id < ?1");
        List<Object> params = new ArrayList<>(List.of(before == null ? Long.MAX_VALUE : before));
        add(query, params, "subject = ?", subject);
        add(query, params, "role = ?", role);
        add(query, params, "outcome = ?", outcome);
        add(query, params, "at >= ?", from);
        add(query, params, "at < ?", to);
        return AuditEvent.<AuditEvent>find(query + " order by id desc", params.toArray()).page(0, limit + 1).list();
    }

    private static void add(StringBuilder query, List<Object> params, String condition, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            params.add(value);
            query.append(" and ").append(condition).append(params.size());
        }
    }
}
