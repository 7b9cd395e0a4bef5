package cn.medins.reimbursement.reference;

import cn.medins.common.problem.ProblemMappers;
import cn.medins.common.problem.Violation;
import cn.medins.reimbursement.calculation.PolicyDocument;
import cn.medins.reimbursement.calculation.PolicyDocument.Variant;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 特殊人群的待遇: a policy's variants, each merged over the document for the persons its {@code when}
 * matches, in order (objects key by key; arrays and numbers replace; a null removes the key, as in a
 * JSON merge patch). The merged document of each stored version and set of matching variants is made
 * once and kept, so that settling with variants costs a lookup, not a merge.
 */
@ApplicationScoped
public class PolicyVariants {

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    private final Map<Merged, PolicyDocument> merged = new ConcurrentHashMap<>();

    private record Merged(long policyId, List<Integer> variants) {
    }

    /** The person a variant may be for, on the date that decides cover. */
    public record Person(String personType, LocalDate birthDate) {
    }

    /**
     * The document as it applies to this person: the base when no variant matches.
     *
     * @param variants the indexes of the variants applied, in order (for the trace)
     */
    public record Applied(PolicyDocument document, List<Integer> variants) {

        public String describe() {
            return variants.isEmpty() ? null : variants.stream().map(i -> "variants[" + i + "]")
                    .reduce((a, b) -> a + ", " + b).orElseThrow() + " applied (特殊人群)";
        }
    }

    public Applied forPerson(Policy policy, PolicyDocument base, Person person, LocalDate on) {
        List<Integer> matching = base.variantsFor(person.personType(), person.birthDate(), on);
        if (matching.isEmpty()) {
            return new Applied(base, List.of());
        }
        List<Integer> key = List.copyOf(matching);
        return new Applied(merged.computeIfAbsent(new Merged(policy.id, key), k -> mergeOrFail(base, key)), key);
    }

    /**
     * What makes a document with variants invalid: any set of its variants that can match one person,
     * merged over the document in order, must be a valid document (so that settlement never meets an
     * invalid one); a problem is named {@code variants[i].set.<field>}, i the last variant of the first
     * set that breaks. At most {@link PolicyDocument#MAX_VARIANTS} variants: every set is tried.
     */
    public List<Violation> problems(PolicyDocument base) {
        if (base.variants() == null || base.variants().isEmpty()) {
            return List.of();
        }
        int n = base.variants().size();
        for (int set = 1; set < 1 << n; set++) {
            List<Integer> chosen = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if ((set & 1 << i) != 0) {
                    chosen.add(i);
                }
            }
            List<Violation> problems = problemsOf(base, chosen);
            if (!problems.isEmpty()) {
                return problems;
            }
        }
        return List.of();
    }

    private List<Violation> problemsOf(PolicyDocument base, List<Integer> chosen) {
        String prefix = "variants[" + chosen.get(chosen.size() - 1) + "].set.";
        PolicyDocument document;
        try {
            document = merge(base, chosen);
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            return List.of(new Violation(prefix + ProblemMappers.jsonPath(e), "is not a field of the policy document"));
        } catch (JsonMappingException e) {
            return List.of(new Violation(prefix + ProblemMappers.jsonPath(e),
                    "must have the type of the document's own field (a number, an object, a list)"));
        } catch (JsonProcessingException e) {
            return List.of(new Violation(prefix.substring(0, prefix.length() - 1), e.getOriginalMessage()));
        }
        List<Violation> problems = new ArrayList<>();
        validator.validate(document).forEach(v -> problems.add(new Violation(prefix + ProblemMappers.field(v),
                v.getMessage())));
        if (!problems.isEmpty()) {
            return problems; // the checks below read every section: a section a variant set to null is named above
        }
        for (String problem : document.problems()) {
            int colon = problem.indexOf(':');
            problems.add(new Violation(prefix + problem.substring(0, colon), problem.substring(colon + 2)));
        }
        return problems;
    }

    private PolicyDocument mergeOrFail(PolicyDocument base, List<Integer> chosen) {
        try {
            return merge(base, chosen);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored policy's variants no longer merge", e);
        }
    }

    PolicyDocument merge(PolicyDocument base, List<Integer> chosen) throws JsonProcessingException {
        ObjectNode tree = mapper.valueToTree(base);
        tree.remove("variants");
        for (int i : chosen) {
            Variant variant = base.variants().get(i);
            mergeInto(tree, mapper.valueToTree(variant.set()));
        }
        return mapper.treeToValue(tree, PolicyDocument.class);
    }

    private static void mergeInto(ObjectNode target, JsonNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode current = target.get(field.getKey());
            if (field.getValue().isNull()) {
                target.remove(field.getKey());
            } else if (field.getValue().isObject() && current != null && current.isObject()) {
                mergeInto((ObjectNode) current, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }
}
