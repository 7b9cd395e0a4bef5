package cn.medins.nhsa.exchange;

import cn.medins.common.lock.HoldsWriterSlot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.security.SecureRandom;

/**
 * Every query of the exchange_file table. A file is kept until the end of the day after it was made (China's
 * day): time for a HIS to download it; files past their deadline are removed when the next one is stored.
 */
@ApplicationScoped
public class ExchangeFileRepository {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Clock clock;

    /** Stores a file under a new 文件查询号 ("fsi/plc/" and 22 random hex digits: 30 characters). */
    @HoldsWriterSlot
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ExchangeFile store(String fixmedinsCode, String kind, String filename, byte[] content) {
        Instant now = clock.instant();
        ExchangeFile.delete("downloadUntil < ?1", now);
        byte[] random = new byte[11];
        RANDOM.nextBytes(random);
        ExchangeFile f = new ExchangeFile();
        f.fileQuryNo = "fsi/plc/" + HexFormat.of().formatHex(random);
        f.fixmedinsCode = fixmedinsCode;
        f.kind = kind;
        f.filename = filename;
        f.content = content;
        f.createdAt = now;
        f.downloadUntil = LocalDate.now(clock).plusDays(2).atStartOfDay(clock.getZone()).toInstant().minusSeconds(1);
        f.persist();
        return f;
    }

    /** The institution's file of that number, while it may still be downloaded (a read: no transaction). */
    public Optional<ExchangeFile> find(String fixmedinsCode, String fileQuryNo) {
        return ExchangeFile.<ExchangeFile>findByIdOptional(fileQuryNo)
                .filter(f -> f.fixmedinsCode.equals(fixmedinsCode) && !f.downloadUntil.isBefore(clock.instant()));
    }
}
