package cn.medins.account.assistance;

import cn.medins.account.enrollment.Person;
import cn.medins.common.lock.HoldsWriterSlot;
import cn.medins.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The agency's register of identities: one at a time, ended, listed, and the categories valid on a
 * date. Changes to one person's identities queue on the person's row lock, so two overlapping
 * identities of one category can never both be stored.
 */
@ApplicationScoped
public class AssistanceService {

    @Inject
    Clock clock;

    /** An identity as registered or imported. */
    public record NewIdentity(AssistanceCategory category, LocalDate validFrom, LocalDate validTo,
                              IdentitySource source, String documentRef) {
    }

    @HoldsWriterSlot
    @Transactional
    public AssistanceIdentity register(long personId, NewIdentity identity) {
        Person.lockRequired(personId);
        overlapping(AssistanceIdentity.ofPerson(personId), identity, null).ifPresent(other -> {
            throw ProblemException.conflict("IDENTITY_OVERLAPS", describe(other) + " overlaps " + identity.validFrom()
                    + " to " + (identity.validTo() == null ? "open-ended" : identity.validTo()) + ": end it first.");
        });
        return store(personId, identity, null);
    }

    /** Ends the identity from today (it was valid until yesterday); ending it again changes nothing. */
    @HoldsWriterSlot
    @Transactional
    public AssistanceIdentity end(long personId, long identityId) {
        Person.lockRequired(personId);
        AssistanceIdentity identity = AssistanceIdentity.findById(identityId);
        if (identity == null || !identity.personId.equals(personId)) {
            throw ProblemException.notFound("IDENTITY_NOT_FOUND", "Person " + personId + " has no identity "
                    + identityId + ".");
        }
        if (identity.endedOn == null) {
            identity.endedOn = LocalDate.now(clock);
        }
        return identity;
    }

    public List<AssistanceIdentity> list(long personId) {
        Person.require(personId);
        return AssistanceIdentity.ofPerson(personId);
    }

    public List<AssistanceImport> latestImports(int limit) {
        return AssistanceImport.latest(limit);
    }

    /** The categories valid on the date, in the order of {@link AssistanceCategory}, each once. */
    public List<AssistanceCategory> categoriesOn(long personId, LocalDate date) {
        return AssistanceIdentity.ofPerson(personId).stream().filter(i -> i.validOn(date))
                .map(i -> i.category).distinct().sorted().toList();
    }

    /** The first of the person's identities of the same category whose window meets the new one's, but {@code except}. */
    static Optional<AssistanceIdentity> overlapping(List<AssistanceIdentity> identities, NewIdentity n,
                                                    AssistanceIdentity except) {
        return identities.stream().filter(i -> i != except && i.category == n.category())
                .filter(i -> i.overlaps(n.validFrom(), n.validTo())).findFirst();
    }

    AssistanceIdentity store(long personId, NewIdentity n, Long importId) {
        AssistanceIdentity identity = new AssistanceIdentity();
        identity.personId = personId;
        identity.category = n.category();
        identity.validFrom = n.validFrom();
        identity.validTo = n.validTo();
        identity.source = n.source();
        identity.documentRef = n.documentRef();
        identity.importId = importId;
        identity.createdAt = clock.instant();
        identity.persist();
        return identity;
    }

    static String describe(AssistanceIdentity i) {
        return "identity " + i.id + " (" + i.category + " from " + i.validFrom + (i.lastDay() == null ? ", open-ended"
                : " to " + i.lastDay()) + ")";
    }
}
