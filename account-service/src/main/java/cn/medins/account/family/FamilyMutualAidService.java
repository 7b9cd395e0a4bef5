package cn.medins.account.family;

import cn.medins.account.enrollment.Person;
import cn.medins.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * 家庭共济 (family mutual aid): the close relatives bound to an employee's personal account, whose
 * care it may pay. The account's holder is locked and checked by the caller (account's
 * {@code AccountService}), which binds and unbinds through here.
 */
@ApplicationScoped
public class FamilyMutualAidService {

    @Inject
    Clock clock;

    /** Binds {@code member} to the holder's account; the caller holds the account's lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public FamilyBinding bind(long holder, long member, Relation relation) {
        if (holder == member) {
            throw ProblemException.rule("SELF_BINDING", "The holder's own costs are paid without a binding.");
        }
        if (Person.findById(member) == null) {
            throw ProblemException.notFound("PERSON_NOT_FOUND", "No insured person with id " + member
                    + " (memberPersonId).");
        }
        if (isBound(holder, member)) {
            throw ProblemException.conflict("ALREADY_BOUND", "Person " + member + " is already bound to this account.");
        }
        FamilyBinding binding = new FamilyBinding();
        binding.holderPersonId = holder;
        binding.memberPersonId = member;
        binding.relation = relation;
        binding.boundAt = clock.instant();
        binding.persist();
        return binding;
    }

    /** Unbinds {@code member}; the caller holds the account's lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unbind(long holder, long member) {
        FamilyBinding binding = FamilyBinding.of(holder, member).orElseThrow(() -> ProblemException.notFound(
                "NOT_BOUND", "Person " + member + " is not bound to account " + holder + "."));
        binding.delete();
    }

    public boolean isBound(long holder, long member) {
        return FamilyBinding.of(holder, member).isPresent();
    }

    public List<FamilyBinding> members(long holder) {
        return FamilyBinding.ofHolder(holder);
    }

    /** The insured person with this ID number and name; any mismatch answers exactly as nobody. */
    public long memberNamed(String idNumber, String name) {
        return Person.byIdNumber(idNumber).filter(p -> p.name.equals(name)).map(p -> p.id).orElseThrow(() ->
                ProblemException.notFound("PERSON_NOT_FOUND", "No insured person has this ID number and name."));
    }
}
