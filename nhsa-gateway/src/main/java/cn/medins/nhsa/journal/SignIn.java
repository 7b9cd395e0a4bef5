package cn.medins.nhsa.journal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A sign-in (9001 签到): its sign_no is valid for the institution through its calendar day (China's). */
@Entity
@Table(name = "sign_in")
public class SignIn extends PanacheEntityBase {

    @Id
    @Column(name = "sign_no") public String signNo;
    @Column(name = "fixmedins_code", nullable = false) public String fixmedinsCode;
    @Column(name = "opter_no") public String opterNo;
    @Column(name = "sign_day", nullable = false) public LocalDate signDay;
    @Column(name = "signed_at", nullable = false) public Instant signedAt;
}
