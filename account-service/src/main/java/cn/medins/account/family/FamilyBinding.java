package cn.medins.account.family;

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
import java.util.Optional;

/** Family mutual aid (家庭共济): the holder's account may pay for this bound relative. */
@Entity
@Table(name = "family_binding")
public class FamilyBinding extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "holder_person_id", nullable = false)
    public Long holderPersonId;

    @Column(name = "member_person_id", nullable = false)
    public Long memberPersonId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Relation relation;

    @Column(name = "bound_at", nullable = false)
    public Instant boundAt;

    public static Optional<FamilyBinding> of(long holder, long member) {
        return find("holderPersonId = ?1 and memberPersonId = ?2", holder, member).firstResultOptional();
    }

    public static List<FamilyBinding> ofHolder(long holder) {
        return list("holderPersonId = ?1 order by id", holder);
    }
}
