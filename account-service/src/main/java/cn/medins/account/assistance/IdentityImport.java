package cn.medins.account.assistance;

import cn.medins.account.enrollment.Person;
import cn.medins.account.enrollment.ResidentIdNumber;
import cn.medins.common.lock.HoldsWriterSlot;
import cn.medins.common.problem.ProblemException;
import cn.medins.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports a civil-affairs list in one transaction: each row is checked and decided on its own (a bad
 * row is rejected with its number and reason, the good ones are kept), so nothing it does can fail
 * the transaction. A row that matches an identity already stored (same person, category and start)
 * changes nothing, or moves its end when the list moved it: the same file imported twice imports
 * nothing new. The persons the file names are locked in id order, as a registration locks one.
 */
@ApplicationScoped
public class IdentityImport {

    private static final int CHUNK = 1_000;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    AssistanceService identities;

    /** A rejected row. */
    public record Rejected(int row, String reason) {
    }

    /** What an import did. */
    public record Outcome(AssistanceImport record, List<Rejected> rejected) {
    }

    private enum Decision { IMPORTED, UPDATED, UNCHANGED }

    @HoldsWriterSlot
    @Transactional
    public Outcome run(byte[] file, IdentitySource source) {
        List<IdentityCsv.Row> rows = IdentityCsv.read(utf8(file));
        AssistanceImport record = new AssistanceImport();
        record.fileSha256 = sha256(file);
        record.source = source;
        record.importedBy = caller.subject();
        record.importedAt = clock.instant();
        record.persist();
        Map<String, Person> persons = lockPersons(rows);
        Map<Long, List<AssistanceIdentity>> held = new HashMap<>();
        AssistanceIdentity.ofPersons(persons.values().stream().map(p -> p.id).toList())
                .forEach(i -> held.computeIfAbsent(i.personId, k -> new ArrayList<>()).add(i));
        List<Rejected> rejected = new ArrayList<>();
        for (IdentityCsv.Row row : rows) {
            String problem = row.unreadable();
            if (problem == null) {
                problem = decide(row, source, persons, held, record);
            }
            if (problem != null) {
                rejected.add(new Rejected(row.number(), problem));
            }
        }
        record.rows = rows.size();
        record.rejected = rejected.size();
        return new Outcome(record, rejected);
    }

    /** Imports, updates or keeps the row's identity; a reason when the row is rejected, else null. */
    private String decide(IdentityCsv.Row row, IdentitySource source, Map<String, Person> persons,
                          Map<Long, List<AssistanceIdentity>> held, AssistanceImport record) {
        List<String> c = row.cells();
        if (c.size() != 6) {
            return "has " + c.size() + " columns, not the 6 of " + IdentityCsv.HEADER;
        }
        Optional<String> bad = ResidentIdNumber.problem(c.get(0), LocalDate.now(clock));
        if (bad.isPresent()) {
            return "idNumber: " + bad.get();
        }
        Person person = persons.get(c.get(0));
        if (person == null || !person.name.equals(c.get(1))) {
            return person == null ? "idNumber: no insured person has this ID number"
                    : "name: does not match the insured person with this ID number";
        }
        AssistanceService.NewIdentity n;
        try {
            n = new AssistanceService.NewIdentity(AssistanceCategory.valueOf(c.get(2)), LocalDate.parse(c.get(3)),
                    c.get(4).isEmpty() ? null : LocalDate.parse(c.get(4)), source,
                    c.get(5).isEmpty() ? null : c.get(5));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return "category must be one of " + java.util.Arrays.toString(AssistanceCategory.values())
                    + ", validFrom and validTo dates as YYYY-MM-DD (validTo may be empty: open-ended)";
        }
        if (n.validTo() != null && n.validTo().isBefore(n.validFrom())) {
            return "validTo: must not be before validFrom";
        }
        if (n.documentRef() != null && n.documentRef().length() > 100) {
            return "documentRef: at most 100 characters";
        }
        List<AssistanceIdentity> own = held.computeIfAbsent(person.id, k -> new ArrayList<>());
        Decision decision;
        Optional<AssistanceIdentity> same = own.stream()
                .filter(i -> i.category == n.category() && i.validFrom.equals(n.validFrom())).findFirst();
        Optional<AssistanceIdentity> other = AssistanceService.overlapping(own, n, same.orElse(null));
        if (other.isPresent()) {
            return "IDENTITY_OVERLAPS: " + AssistanceService.describe(other.get());
        }
        if (same.isEmpty()) {
            own.add(identities.store(person.id, n, record.id));
            decision = Decision.IMPORTED;
        } else {
            decision = update(same.get(), n);
        }
        count(record, decision);
        return null;
    }

    /** The list moved the end of an identity it had reported (one the agency ended stays ended). */
    private static Decision update(AssistanceIdentity stored, AssistanceService.NewIdentity n) {
        boolean sameEnd = java.util.Objects.equals(stored.validTo, n.validTo());
        boolean sameRef = java.util.Objects.equals(stored.documentRef, n.documentRef());
        if (stored.endedOn != null || (sameEnd && sameRef)) {
            return Decision.UNCHANGED;
        }
        stored.validTo = n.validTo();
        stored.documentRef = n.documentRef();
        return Decision.UPDATED;
    }

    private static void count(AssistanceImport record, Decision decision) {
        switch (decision) {
            case IMPORTED -> record.imported++;
            case UPDATED -> record.updated++;
            case UNCHANGED -> record.unchanged++;
        }
    }

    /** The persons the rows name, by ID number, locked in id order (the order every writer locks in). */
    private static Map<String, Person> lockPersons(List<IdentityCsv.Row> rows) {
        List<String> numbers = rows.stream().filter(r -> !r.cells().isEmpty()).map(r -> r.cells().get(0))
                .distinct().toList();
        List<Long> ids = new ArrayList<>();
        for (int from = 0; from < numbers.size(); from += CHUNK) {
            ids.addAll(Person.getEntityManager().createQuery("select p.id from Person p where p.idNumber in ?1",
                    Long.class).setParameter(1, numbers.subList(from, Math.min(numbers.size(), from + CHUNK)))
                    .getResultList());
        }
        ids.sort(null);
        Map<String, Person> byNumber = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            Person.<Person>find("id in ?1 order by id", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .withLock(LockModeType.PESSIMISTIC_WRITE).list().forEach(p -> byNumber.put(p.idNumber, p));
        }
        return byNumber;
    }

    /** The file as text: UTF-8, refused when it is not (a GBK export, say) rather than read wrong. */
    private static String utf8(byte[] file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("body", "is not UTF-8 text (save the list as CSV UTF-8)");
        }
    }

    static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
