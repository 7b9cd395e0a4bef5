package cn.medins.account.person;

import cn.medins.account.assistance.AssistanceCategory;
import cn.medins.account.contribution.Contribution;
import cn.medins.account.enrollment.Enrollment;
import cn.medins.account.enrollment.EnrollmentStatus;
import cn.medins.account.enrollment.InsuranceType;
import cn.medins.account.enrollment.Person;
import cn.medins.account.enrollment.PersonType;
import cn.medins.account.enrollment.ResidentIdNumber;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** Response bodies of {@code /persons}. */
public final class PersonResponses {

    private PersonResponses() {
    }

    /** {@code idNumber} is given in full to agency staff only. */
    public record Person(long personId, String name, String idNumberMasked,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String idNumber, LocalDate birthDate,
                         InsuranceType insuranceType, PersonType personType, String insuredRegion,
                         EnrollmentStatus status, LocalDate enrolledOn, boolean hasPersonalAccount) {

        static Person of(PersonService.PersonView view, boolean fullIdNumber) {
            var p = view.person();
            var e = view.enrollment();
            return new Person(p.id, p.name, ResidentIdNumber.mask(p.idNumber), fullIdNumber ? p.idNumber : null,
                    ResidentIdNumber.birthDate(p.idNumber).orElse(null), e.insuranceType, e.personType,
                    e.insuredRegion, view.status(), e.enrolledOn, e.isEmployee());
        }
    }

    public record Eligibility(long personId, LocalDate date, boolean eligible, String reason, String detail,
                              InsuranceType insuranceType, PersonType personType, boolean retired,
                              String insuredRegion, EnrollmentStatus status,
                              java.util.List<AssistanceCategory> assistanceCategories) {

        static Eligibility of(PersonService.Eligibility e, java.util.List<AssistanceCategory> assistanceCategories) {
            var enrollment = e.enrollment();
            var coverage = e.coverage();
            return new Eligibility(e.personId(), e.date(), coverage.eligible(), coverage.reason(), coverage.detail(),
                    enrollment.insuranceType, enrollment.personType, enrollment.personType == PersonType.RETIRED,
                    enrollment.insuredRegion, coverage.status(), assistanceCategories);
        }
    }

    public record ContributionReceipt(long contributionId, long personId, InsuranceType insuranceType,
                                      YearMonth period, Integer year, BigDecimal individualAmount,
                                      BigDecimal employerAmount, BigDecimal amount, BigDecimal creditedToAccount,
                                      LocalDate paidOn, BigDecimal balanceAfter, BigDecimal subsidyAmount,
                                      String subsidySource) {

        static ContributionReceipt of(Contribution c, BigDecimal balanceAfter) {
            return new ContributionReceipt(c.id, c.personId, c.kind, c.period, c.contributionYear, c.individualAmount,
                    c.employerAmount, c.amount, c.creditedAmount, c.paidOn, balanceAfter, c.subsidyAmount,
                    c.subsidySource);
        }
    }

    /** One contribution as the person's history lists it (缴费记录); {@code paidBy} SELF or FAMILY_ACCOUNT. */
    public record ContributionLine(long contributionId, YearMonth period, Integer year, BigDecimal individualAmount,
                                   BigDecimal employerAmount, BigDecimal amount, BigDecimal creditedToAccount,
                                   BigDecimal subsidyAmount, String subsidySource, LocalDate paidOn, String paidBy,
                                   Long payerPersonId) {

        static ContributionLine of(Contribution c) {
            return new ContributionLine(c.id, c.period, c.contributionYear, c.individualAmount, c.employerAmount,
                    c.amount, c.creditedAmount, c.subsidyAmount, c.subsidySource, c.paidOn,
                    c.paidByPersonId == null ? "SELF" : "FAMILY_ACCOUNT", c.paidByPersonId);
        }
    }

    public record Contributions(java.util.List<ContributionLine> items) {
    }

    public record Transfer(long transferId, long personId, String fromRegion, String toRegion, LocalDate effectiveOn,
                           BigDecimal amountMoved) {

        static Transfer of(cn.medins.account.person.Transfer t) {
            return new Transfer(t.id, t.personId, t.fromRegion, t.toRegion, t.effectiveOn, t.amountMoved);
        }
    }

    /** The retirement: retiree ratios and monthly allocations from {@code effectiveOn}'s month on. */
    public record Retirement(long personId, PersonType personType, LocalDate effectiveOn, YearMonth firstAllocation,
                             YearMonth lastContribution, String insuredRegion) {

        static Retirement of(cn.medins.account.enrollment.Enrollment retired) {
            YearMonth first = YearMonth.from(retired.enrolledOn);
            return new Retirement(retired.personId, retired.personType, retired.enrolledOn, first, first.minusMonths(1),
                    retired.insuredRegion);
        }
    }
}
