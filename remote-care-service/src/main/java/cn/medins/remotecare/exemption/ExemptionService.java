package cn.medins.remotecare.exemption;

import cn.medins.common.lock.HoldsWriterSlot;
import cn.medins.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Region pairs exempt from filing, as the agency manages them. */
@ApplicationScoped
public class ExemptionService {

    @Inject
    Clock clock;

    @HoldsWriterSlot
    @Transactional
    public Exemption put(String insured, String destination, List<String> insuranceTypes, boolean accountEnabled) {
        if (insured.equals(destination)) {
            throw ProblemException.invalid("destinationProvince", "must differ from insuredProvince");
        }
        Exemption.Key key = new Exemption.Key(insured, destination);
        Exemption e = Exemption.findById(key);
        if (e == null) {
            e = new Exemption();
            e.key = key;
        }
        e.insuranceTypes = String.join(",", insuranceTypes.stream().distinct().sorted().toList());
        e.personalAccountEnabled = accountEnabled;
        e.updatedAt = clock.instant();
        e.persist();
        return e;
    }

    public Exemption get(String insured, String destination) {
        Exemption e = Exemption.findById(new Exemption.Key(insured, destination));
        if (e == null) {
            throw ProblemException.notFound("EXEMPTION_NOT_FOUND", "No exemption for insured of province " + insured
                    + " in province " + destination + ".");
        }
        return e;
    }

    @HoldsWriterSlot
    @Transactional
    public void delete(String insured, String destination) {
        get(insured, destination).delete();
    }
}
