package cn.medins.account.assistance;

/** Who identified the person: civil affairs (民政), rural revitalisation (乡村振兴), or the agency itself. */
public enum IdentitySource {
    CIVIL_AFFAIRS, RURAL_REVITALISATION, AGENCY
}
