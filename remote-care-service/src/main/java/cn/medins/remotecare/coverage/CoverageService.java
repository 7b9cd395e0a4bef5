package cn.medins.remotecare.coverage;

import cn.medins.common.problem.ProblemException;
import cn.medins.remotecare.client.AccountGateway;
import cn.medins.remotecare.exemption.Exemption;
import cn.medins.remotecare.filing.Filing;
import cn.medins.remotecare.filing.Regions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Optional;

/** Whether care in a region on a date is covered for a person, and how. */
@ApplicationScoped
public class CoverageService {

    @Inject
    AccountGateway accounts;

    /** The answer: covered or not, by what, and whether the personal account may pay there. */
    public record Coverage(long personId, String region, LocalDate date, String insuredRegion, boolean covered,
                           CoverageMode mode, Long filingId, boolean personalAccountEnabled, String reason) {
    }

    public Coverage coverage(long personId, String region, LocalDate date) {
        AccountGateway.Person person = accounts.person(personId).orElseThrow(() -> ProblemException.notFound(
                "PERSON_NOT_FOUND", "account-service knows no person " + personId + "."));
        String insured = person.insuredRegion();
        if (Regions.samePrefecture(region, insured)) {
            return new Coverage(personId, region, date, insured, true, CoverageMode.LOCAL, null, true,
                    "Region " + region + " is in the insured prefecture " + insured + ": local care.");
        }
        Optional<Filing> filing = Filing.ofPerson(personId).stream().filter(f -> f.covers(region, date)).findFirst();
        if (filing.isPresent()) {
            Filing f = filing.get();
            return new Coverage(personId, region, date, insured, true, CoverageMode.FILED, f.id,
                    f.personalAccountEnabled, f.type + " filing " + f.id + " (" + f.reason + ") to "
                    + f.destinationRegion + " covers " + date + (f.personalAccountEnabled
                    ? "; the personal account may pay there." : "; the personal account may not pay there."));
        }
        Exemption exemption = Exemption.findById(new Exemption.Key(Regions.province(insured), Regions.province(region)));
        if (exemption != null && exemption.appliesTo(person.insuranceType())) {
            return new Coverage(personId, region, date, insured, true, CoverageMode.EXEMPT, null,
                    exemption.personalAccountEnabled, "Insured of province " + Regions.province(insured)
                    + " (" + person.insuranceType() + ") need no filing for province " + Regions.province(region) + ".");
        }
        return new Coverage(personId, region, date, insured, false, CoverageMode.NOT_COVERED, null, false,
                "No filing covers region " + region + " on " + date + ", and province " + Regions.province(region)
                        + " is not exempt from filing for insured of " + insured + ": file (异地就医备案), or pay in "
                        + "full and claim afterwards.");
    }
}
