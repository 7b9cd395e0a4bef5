package cn.medins.account.assistance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One import of a civil-affairs list: the file's SHA-256, who imported it, what it did (the audit of it). */
@Entity
@Table(name = "assistance_import")
public class AssistanceImport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "file_sha256", nullable = false)
    public String fileSha256;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IdentitySource source;

    @Column(name = "row_count", nullable = false)
    public int rows;

    @Column(nullable = false)
    public int imported;

    @Column(nullable = false)
    public int updated;

    @Column(nullable = false)
    public int unchanged;

    @Column(nullable = false)
    public int rejected;

    @Column(name = "imported_by", nullable = false)
    public String importedBy;

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;

    public static List<AssistanceImport> latest(int limit) {
        return find("order by id desc").page(0, limit).list();
    }
}
