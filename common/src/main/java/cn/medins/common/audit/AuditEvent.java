package cn.medins.common.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One write to the service: who (subject, role), what (method, path), when, and the outcome. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public String method;

    @Column(nullable = false)
    public String path;

    @Column(nullable = false)
    public int status;

    @Column(nullable = false)
    public String outcome;

    static String outcomeOf(int status) {
        if (status < 400) {
            return "SUCCESS";
        }
        if (status == 401 || status == 403) {
            return "DENIED";
        }
        return status < 500 ? "REFUSED" : "FAILED";
    }
}
