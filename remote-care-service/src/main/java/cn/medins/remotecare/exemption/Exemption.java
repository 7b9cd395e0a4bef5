package cn.medins.remotecare.exemption;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A region pair whose insured need no filing (e.g. 川渝 Sichuan 51 / Chongqing 50), for some
 * insurance types.
 */
@Entity
public class Exemption extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    /** Comma-separated insurance types: {@code 310}, {@code 390}. */
    @Column(name = "insurance_types", nullable = false)
    public String insuranceTypes;

    @Column(name = "personal_account_enabled", nullable = false)
    public boolean personalAccountEnabled;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** (insured province, destination province), 2 digits each. */
    @Embeddable
    public record Key(@Column(name = "insured_province") String insuredProvince,
                      @Column(name = "destination_province") String destinationProvince) implements Serializable {
    }

    public List<String> types() {
        return Arrays.asList(insuranceTypes.split(","));
    }

    public boolean appliesTo(String insuranceType) {
        return types().contains(insuranceType);
    }
}
