package cn.medins.reimbursement.reference;

import cn.medins.common.lock.HoldsWriterSlot;
import cn.medins.common.lock.AdvisoryLock;
import cn.medins.common.money.Money;
import cn.medins.common.problem.ProblemException;
import cn.medins.common.problem.Violation;
import cn.medins.reimbursement.calculation.PolicyDocument;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Policies (versioned), institutions and the catalog, as the agency maintains them. What settlement
 * reads of them is cached (caches {@code institutions}, {@code policies}, {@code catalog}): reference
 * data changes rarely, a PUT here invalidates this instance's entry at once, and every entry expires
 * after {@code quarkus.cache.caffeine.expire-after-write} so that another instance's change is seen
 * within that time. The cached entities are detached snapshots that nobody modifies.
 */
@ApplicationScoped
public class ReferenceDataService {

    @Inject
    Clock clock;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    @Inject
    PolicyVariants variants;

    private final Map<Long, PolicyDocument> parsed = new ConcurrentHashMap<>();

    /** A stored policy version with its document. */
    public record PolicyVersion(Policy policy, PolicyDocument document, boolean created) {
    }

    /** Stores the document as a new version, unless it is the same as the latest version. */
    @HoldsWriterSlot
    @Transactional
    @CacheInvalidate(cacheName = "policies")
    public PolicyVersion putPolicy(@CacheKey String region, @CacheKey String insuranceType, @CacheKey int year,
                                   PolicyDocument document) {
        List<Violation> problems = new java.util.ArrayList<>(document.problems().stream()
                .map(p -> new Violation(p.substring(0, p.indexOf(':')), p.substring(p.indexOf(':') + 2))).toList());
        if (problems.isEmpty()) {
            problems.addAll(variants.problems(document));
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(400, "VALIDATION_FAILED", String.join("; ",
                    problems.stream().map(v -> v.field() + ": " + v.message()).toList()), problems);
        }
        // versions of one policy are numbered in turn: serialise writers of the same key
        AdvisoryLock.POLICY_VERSION.lock(em, region + "/" + insuranceType + "/" + year);
        String json = write(document);
        var latest = Policy.latest(region, insuranceType, year);
        if (latest.isPresent() && write(document(latest.get())).equals(json)) {
            return new PolicyVersion(latest.get(), document, false);
        }
        Policy policy = new Policy();
        policy.insuredRegion = region;
        policy.insuranceType = insuranceType;
        policy.year = year;
        policy.version = latest.map(p -> p.version + 1).orElse(1);
        policy.document = json;
        policy.createdAt = clock.instant();
        policy.persist();
        return new PolicyVersion(policy, document, true);
    }

    public PolicyVersion policy(String region, String insuranceType, int year) {
        Policy policy = Policy.latest(region, insuranceType, year).orElseThrow(() -> ProblemException.notFound(
                "POLICY_NOT_FOUND", "No policy for region " + region + ", insurance type " + insuranceType
                        + ", year " + year + "."));
        return new PolicyVersion(policy, document(policy), false);
    }

    /**
     * The parsed document of a stored policy version. Versions are never changed (a change is a new
     * row), so each is parsed once and kept.
     */
    public PolicyDocument document(Policy policy) {
        return parsed.computeIfAbsent(policy.id, id -> read(policy.document));
    }

    public PolicyDocument read(String json) {
        try {
            return mapper.readValue(json, PolicyDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored policy is not readable", e);
        }
    }

    private String write(PolicyDocument document) {
        try {
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The latest version of a policy, for settling. */
    @CacheResult(cacheName = "policies")
    public Optional<Policy> latestPolicy(String region, String insuranceType, int year) {
        return Policy.latest(region, insuranceType, year);
    }

    /** An institution, for settling. */
    @CacheResult(cacheName = "institutions")
    public Optional<Institution> findInstitution(String code) {
        return Institution.findByIdOptional(code);
    }

    @HoldsWriterSlot
    @Transactional
    @CacheInvalidate(cacheName = "institutions")
    public Institution putInstitution(@CacheKey String code, String name, String region, int level, InstitutionKind kind,
                                      boolean designated, boolean remoteNetworked) {
        Institution institution = Institution.findById(code);
        if (institution == null) {
            institution = new Institution();
            institution.code = code;
        }
        institution.name = name;
        institution.region = region;
        institution.level = level;
        institution.kind = kind;
        institution.designated = designated;
        institution.remoteNetworked = remoteNetworked;
        institution.updatedAt = clock.instant();
        institution.persist();
        return institution;
    }

    public Institution institution(String code) {
        Institution institution = Institution.findById(code);
        if (institution == null) {
            throw ProblemException.notFound("INSTITUTION_NOT_FOUND", "No institution with code " + code + ".");
        }
        return institution;
    }
}
