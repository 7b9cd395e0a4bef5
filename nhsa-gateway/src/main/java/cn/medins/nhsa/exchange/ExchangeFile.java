package cn.medins.nhsa.exchange;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file exchanged with an institution (交换文件): uploaded by it (9101) or written for it (3202's result). */
@Entity
@Table(name = "exchange_file")
public class ExchangeFile extends PanacheEntityBase {

    public static final String UPLOAD = "UPLOAD";
    public static final String RESULT = "RESULT";

    /** 文件查询号: the number the institution names the file by. */
    @Id
    @Column(name = "file_qury_no") public String fileQuryNo;
    @Column(name = "fixmedins_code", nullable = false) public String fixmedinsCode;
    @Column(nullable = false) public String kind;
    @Column(nullable = false) public String filename;
    @Column(nullable = false) public byte[] content;
    @Column(name = "created_at", nullable = false) public Instant createdAt;
    /** 下载截止时间: kept until then, removed after. */
    @Column(name = "download_until", nullable = false) public Instant downloadUntil;
}
