package cn.medins.reimbursement.settlement;

import cn.medins.common.lock.HoldsWriterSlot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every query the saga, the claims and the accumulators make of the settlement table (the monthly
 * reports' aggregates are {@code clearing.ClearingRepository}'s). Statuses are parameters.
 */
@ApplicationScoped
public class SettlementRepository {

    public Optional<Settlement> find(long id) {
        return Settlement.findByIdOptional(id);
    }

    /** The row under its lock ({@code FOR UPDATE}) until the transaction ends; null when there is none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Settlement lock(long id) {
        return Settlement.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void insert(Settlement s) {
        s.persist();
    }

    /**
     * The settlement holding the visit, read after a second one was refused by the unique index
     * {@value Settlement#ONCE_PER_VISIT}, in a transaction of its own (the refused one rolled back).
     */
    @HoldsWriterSlot
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<Settlement> findLive(String institutionCode, String visitId) {
        return Settlement.<Settlement>find("institutionCode = ?1 and visitId = ?2 and status in ?3",
                institutionCode, visitId, SettlementStatus.LIVE).firstResultOptional();
    }

    /** A person's settlements, newest first, below the cursor; one more than the page to tell if there is a next. */
    public List<Settlement> forPerson(long personId, Integer year, Long before, int limit) {
        String query = "personId = ?1 and id < ?2" + (year == null ? "" : " and year = ?3") + " order by id desc";
        long below = before == null ? Long.MAX_VALUE : before;
        Object[] params = year == null ? new Object[] {personId, below} : new Object[] {personId, below, year};
        return Settlement.<Settlement>find(query, params).page(0, limit + 1).list();
    }

    /** The person's last settlement of the year, whatever its status. */
    public Optional<Settlement> lastOfYear(long personId, int year) {
        return Settlement.<Settlement>find("personId = ?1 and year = ?2 order by id desc", personId, year)
                .firstResultOptional();
    }

    /** The category medical assistance last assisted the person as that year (a live settlement's), if any. */
    public Optional<String> lastAssistanceCategory(long personId, int year) {
        return Settlement.getEntityManager().createQuery("select s.assistanceCategory from Settlement s where"
                        + " s.personId = ?1 and s.year = ?2 and s.assistanceCategory is not null and s.status in ?3"
                        + " order by s.id desc", String.class)
                .setParameter(1, personId).setParameter(2, year).setParameter(3, SettlementStatus.LIVE)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** Up to {@code limit} sagas left PENDING or CANCELLING since before this instant, oldest first. */
    @HoldsWriterSlot
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Settlement> unfinished(Instant before, int limit) {
        return Settlement.<Settlement>find("status in ?1 and createdAt < ?2 order by id",
                List.of(SettlementStatus.PENDING, SettlementStatus.CANCELLING), before).page(0, limit).list();
    }

    /**
     * Stores {@link Settlement#complete} and what the account step changed for a settlement still held
     * in memory since the transaction that reserved it: one conditional update instead of reading the
     * row again under a lock, written only while the row is still PENDING (recovery may have finished
     * or voided it meanwhile; it locks the row). Native SQL because Hibernate translates an HQL update
     * anew on every call: its plan cache keeps only selects (docs/performance.md, step 15).
     *
     * @return false when the row was no longer PENDING: nothing was written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean storeCompletion(Settlement s) {
        return Settlement.getEntityManager().createNativeQuery("update {h-schema}settlement set status = ?1, "
                        + "completed_at = ?2, account_paid = ?3, family_account_paid = ?4, cash_paid = ?5, "
                        + "account_balance_after = ?6, account_payment_id = ?7, trace = ?8 where id = ?9 and status = ?10")
                .setParameter(1, s.status.name()).setParameter(2, s.completedAt).setParameter(3, s.accountPaid)
                .setParameter(4, s.familyAccountPaid).setParameter(5, s.cashPaid).setParameter(6, s.accountBalanceAfter)
                .setParameter(7, s.accountPaymentId).setParameter(8, s.trace).setParameter(9, s.id)
                .setParameter(10, SettlementStatus.PENDING.name()).executeUpdate() == 1;
    }
}
