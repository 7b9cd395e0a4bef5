package cn.medins.account.account;

import cn.medins.account.family.FamilyBinding;
import cn.medins.account.family.Relation;
import java.math.BigDecimal;
import java.time.Instant;

/** Response bodies of {@code /accounts}. */
public final class AccountResponses {

    private AccountResponses() {
    }

    public record Account(long personId, BigDecimal balance, AccountStatus status, Instant updatedAt) {

        static Account of(PersonalAccount a) {
            return new Account(a.personId, a.balance, a.status, a.updatedAt);
        }
    }

    public record Entry(long entryId, EntryType type, BigDecimal amount, BigDecimal balanceAfter, String reference,
                        Long beneficiaryPersonId, Long paymentId, String description, Instant createdAt) {

        static Entry of(AccountEntry e) {
            return new Entry(e.id, e.type, e.amount, e.balanceAfter, e.reference, e.beneficiaryPersonId, e.paymentId,
                    e.description, e.createdAt);
        }
    }

    /** {@code balanceAfter} is the balance right after the payment (or refund) that returned it. */
    public record Payment(long paymentId, long personId, BigDecimal requestedAmount, BigDecimal paidAmount,
                          BigDecimal shortfall, BigDecimal balanceAfter, PaymentPurpose purpose,
                          Long beneficiaryPersonId, String reference, boolean refunded, Instant createdAt,
                          Instant refundedAt) {

        static Payment of(cn.medins.account.account.Payment p, BigDecimal balanceAfter) {
            return new Payment(p.id, p.personId, p.requestedAmount, p.paidAmount, p.shortfall, balanceAfter,
                    p.purpose, p.beneficiaryPersonId, p.reference, p.refundedAt != null, p.createdAt, p.refundedAt);
        }

        static Payment of(AccountService.Paid paid) {
            return of(paid.payment(), paid.balanceAfter());
        }
    }

    public record Refund(long paymentId, BigDecimal refundedAmount, BigDecimal balanceAfter, Instant refundedAt) {

        static Refund of(AccountService.Paid paid) {
            return new Refund(paid.payment().id, paid.payment().paidAmount, paid.balanceAfter(),
                    paid.payment().refundedAt);
        }
    }

    public record FamilyMember(long holderPersonId, long memberPersonId, Relation relation, Instant boundAt) {

        static FamilyMember of(FamilyBinding b) {
            return new FamilyMember(b.holderPersonId, b.memberPersonId, b.relation, b.boundAt);
        }
    }

    public record Closure(long personId, AccountStatus status, String reason, String payee, BigDecimal paidOut,
                          Instant closedAt) {

        static Closure of(AccountService.Closure c) {
            PersonalAccount a = c.account();
            return new Closure(a.personId, a.status, a.closedReason, a.closedPayee, c.paidOut(), a.closedAt);
        }
    }
}
