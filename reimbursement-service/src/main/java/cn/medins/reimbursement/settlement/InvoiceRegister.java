package cn.medins.reimbursement.settlement;

import cn.medins.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** The invoices (发票) held by claims ({@code claim_invoice}): each invoice of an institution is claimed once. */
@ApplicationScoped
public class InvoiceRegister {

    public static final String DUPLICATE_INVOICE = "DUPLICATE_INVOICE";

    @Inject
    EntityManager em;

    /**
     * An {@code INSERT ... ON CONFLICT DO NOTHING} per invoice (a concurrent claim of the same invoice
     * waits for the first to commit or roll back); any invoice not inserted is held by a live claim,
     * named in the 409.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void hold(Settlement s, List<String> invoices) {
        for (String invoice : invoices.stream().distinct().toList()) {
            int held = em.createNativeQuery("insert into {h-schema}claim_invoice (institution_code, invoice_number,"
                            + " settlement_id) values (?1, ?2, ?3) on conflict do nothing")
                    .setParameter(1, s.institutionCode).setParameter(2, invoice).setParameter(3, s.id).executeUpdate();
            if (held == 0) {
                throw ProblemException.conflict(DUPLICATE_INVOICE, "Invoice " + invoice + " of " + s.institutionCode
                        + " is already claimed by claim " + holder(s.institutionCode, invoice) + ".");
            }
        }
    }

    private Object holder(String institutionCode, String invoice) {
        return em.createNativeQuery("select settlement_id from {h-schema}claim_invoice where"
                        + " institution_code = ?1 and invoice_number = ?2 and not released")
                .setParameter(1, institutionCode).setParameter(2, invoice).getResultStream().findFirst()
                .orElse("another claim");
    }

    /** A rejected or cancelled claim's invoices may be claimed again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(Settlement s) {
        em.createNativeQuery("update {h-schema}claim_invoice set released = true where settlement_id = ?1")
                .setParameter(1, s.id).executeUpdate();
    }
}
