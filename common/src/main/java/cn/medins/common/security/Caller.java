package cn.medins.common.security;

import cn.medins.common.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, and the per-person and per-institution rules: an {@code insured} caller asking
 * for someone else's data is answered as if it did not exist (404), never leaking whether it does;
 * an {@code institution} acts for its own institution only.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** Who is calling, as the audit trail names them. */
    public String subject() {
        return subjectOf(identity);
    }

    public static String subjectOf(SecurityIdentity identity) {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The strongest role of the identity, for the audit trail. */
    public static String roleOf(SecurityIdentity identity) {
        for (String role : new String[] {Roles.AGENCY, Roles.SERVICE, Roles.INSTITUTION, Roles.INSURED}) {
            if (identity.hasRole(role)) {
                return role;
            }
        }
        return identity.isAnonymous() ? "anonymous" : "none";
    }

    /** For an insured caller, the person must be themselves; otherwise 404 with {@code notFoundCode}. */
    public void requireSelf(long personId, String notFoundCode, String notFoundDetail) {
        if (is(Roles.INSURED) && !is(Roles.AGENCY) && !claim("personId").equals(String.valueOf(personId))) {
            throw ProblemException.notFound(notFoundCode, notFoundDetail);
        }
    }

    /** For an institution caller, the institution must be its own; otherwise 403. */
    public void requireInstitution(String institutionCode) {
        if (is(Roles.INSTITUTION) && !is(Roles.AGENCY) && !claim("institutionCode").equals(institutionCode)) {
            throw new ProblemException(403, "FORBIDDEN", "This token acts for institution " + claim("institutionCode")
                    + ", not for " + institutionCode + ".");
        }
    }

    /** The institution an institution caller's token acts for ("" for any other caller). */
    public String institutionCode() {
        return claim("institutionCode");
    }

    /** An institution caller that is not also agency staff: it sees only its own institution. */
    public boolean isInstitutionOnly() {
        return is(Roles.INSTITUTION) && !is(Roles.AGENCY);
    }

    /** Whether an institution caller's token is for this institution. */
    public boolean actsFor(String institutionCode) {
        return claim("institutionCode").equals(institutionCode);
    }

    private String claim(String name) {
        Object value = token.getClaim(name);
        return value == null ? "" : value.toString();
    }
}
