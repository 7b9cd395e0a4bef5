package cn.medins.account.assistance;

import cn.medins.account.enrollment.Person;
import cn.medins.account.enrollment.ResidentIdNumber;
import cn.medins.common.lock.HoldsWriterSlot;
import cn.medins.common.problem.ProblemException;
import cn.medins.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Imports a civil-affairs list in one transaction: each row is checked and decided on its own (a bad
 * row is rejected with its number and reason, the good ones are kept), so nothing it does can fail
 * the transaction. A row that matches an identity already stored (same person, category and start)
 * changes nothing, or moves its end when the list moved it: the same file imported twice imports
 * nothing new. The persons the file names are locked in id order, as a registration locks one. The file
 * is read twice as a stream (the ID numbers to lock, then the rows a chunk at a time), never held as rows.
 */
@ApplicationScoped
public class IdentityImport {

    private static final int CHUNK = 1_000;
    /**
     * One list at a time per instance: a list of 100,000 rows costs some 80 MB while it is decided (its
     * rows' answers, the stored answer), far more than its body, and lists come from a clerk a month.
     */
    private static final Semaphore ONE_AT_A_TIME = new Semaphore(1, true);

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

    /** Runs {@code importing} when no other list is being imported here, waiting 2 s at most; else a 503. */
    public static <T> T alone(Supplier<T> importing) {
        try {
            if (!ONE_AT_A_TIME.tryAcquire(2, TimeUnit.SECONDS)) {
                throw ProblemException.unavailable("IMPORT_RUNNING", "Another list is being imported on this "
                        + "instance; nothing was done. Retry in a moment.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("IMPORT_RUNNING", "Stopped while waiting for another import.");
        }
        try {
            return importing.get();
        } finally {
            ONE_AT_A_TIME.release();
        }
    }

    @HoldsWriterSlot
    @Transactional
    public Outcome run(byte[] file, IdentitySource source) {
        List<String> numbers = new ArrayList<>();
        IdentityCsv.forEachRow(file, row -> {
            if (!row.cells().isEmpty()) {
                numbers.add(row.cells().get(0));
            }
        });
        AssistanceImport record = new AssistanceImport();
        record.fileSha256 = sha256(file);
        record.source = source;
        record.importedBy = caller.subject();
        record.importedAt = clock.instant();
        record.persist();
        // stored with no counts now (its id names the identities); counted apart, stored whole at the end
        AssistanceImport.getEntityManager().flush();
        AssistanceImport.getEntityManager().detach(record);
        lockPersons(numbers);
        List<Rejected> rejected = new ArrayList<>();
        List<IdentityCsv.Row> chunk = new ArrayList<>();
        IdentityCsv.forEachRow(file, row -> {
            record.rows++;
            chunk.add(row);
            if (chunk.size() == CHUNK) {
                decide(chunk, source, record, rejected);
            }
        });
        decide(chunk, source, record, rejected);
        record.rejected = rejected.size();
        return new Outcome(AssistanceImport.getEntityManager().merge(record), rejected);
    }

    /**
     * Decides a chunk of rows against what is stored, then writes it and lets it go, so that a list of
     * 100,000 rows holds no more than a chunk's persons and identities at once; an identity stored by an
     * earlier chunk is read back for the next.
     */
    private void decide(List<IdentityCsv.Row> chunk, IdentitySource source, AssistanceImport record,
                        List<Rejected> rejected) {
        Map<String, Person> persons = new HashMap<>();
        Person.<Person>list("idNumber in ?1", chunk.stream().filter(r -> !r.cells().isEmpty())
                .map(r -> r.cells().get(0)).distinct().toList()).forEach(p -> persons.put(p.idNumber, p));
        Map<Long, List<AssistanceIdentity>> held = new HashMap<>();
        AssistanceIdentity.ofPersons(persons.values().stream().map(p -> p.id).toList())
                .forEach(i -> held.computeIfAbsent(i.personId, k -> new ArrayList<>()).add(i));
        for (IdentityCsv.Row row : chunk) {
            String problem = row.unreadable();
            if (problem == null) {
                problem = decide(row, source, persons, held, record);
            }
            if (problem != null) {
                rejected.add(new Rejected(row.number(), problem));
            }
        }
        chunk.clear();
        Person.getEntityManager().flush();
        Person.getEntityManager().clear();
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

    /**
     * The persons the rows name locked in id order (the order every writer locks in), before any is
     * changed; only their ids are read here, a chunk's persons are read when it is decided.
     */
    private static void lockPersons(List<String> numbers) {
        List<String> distinct = numbers.stream().distinct().toList();
        List<Long> ids = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            ids.addAll(Person.getEntityManager().createQuery("select p.id from Person p where p.idNumber in ?1",
                    Long.class).setParameter(1, distinct.subList(from, Math.min(distinct.size(), from + CHUNK)))
                    .getResultList());
        }
        ids.sort(null);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            Person.getEntityManager().createNativeQuery("select id from {h-schema}person where id = any(?1) order by id "
                    + "for update").setParameter(1, ids.subList(from, Math.min(ids.size(), from + CHUNK))
                    .toArray(Long[]::new)).getResultList();
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
