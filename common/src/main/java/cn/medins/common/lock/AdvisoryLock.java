package cn.medins.common.lock;

import jakarta.persistence.EntityManager;

/**
 * The transaction-scoped PostgreSQL advisory locks of the suite, named in one place. The services
 * share one database by default and an advisory lock is database-wide, so each key is distinct across
 * services: two services never serialise on each other's key.
 */
public enum AdvisoryLock {

    /** reimbursement-service: the versions of one policy (region/type/year) are numbered in turn. */
    POLICY_VERSION(7412),
    /** remote-care-service: one person's filings are decided one at a time (overlaps). */
    REMOTE_CARE_FILING(7414),
    /** reimbursement-service: one person's registrations of one chronic disease, one at a time. */
    CHRONIC_REGISTRATION(7415);

    private final int key;

    AdvisoryLock(int key) {
        this.key = key;
    }

    public int key() {
        return key;
    }

    /** Takes the lock on {@code name} until the current transaction ends (waiting while another holds it). */
    public void lock(EntityManager em, String name) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1, hashtext(?2))").setParameter(1, key)
                .setParameter(2, name).getSingleResult();
    }
}
