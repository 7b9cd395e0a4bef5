package cn.medins.common.security;

/**
 * The roles a bearer token may carry ({@code groups} claim):
 * <ul>
 *   <li>{@code agency} - insurance agency staff (经办机构): everything;</li>
 *   <li>{@code institution} - a designated hospital or pharmacy counter (claim {@code institutionCode});</li>
 *   <li>{@code insured} - an insured person (claim {@code personId}), their own data only;</li>
 *   <li>{@code service} - one service of the suite calling another.</li>
 * </ul>
 */
public final class Roles {

    public static final String AGENCY = "agency";
    public static final String INSTITUTION = "institution";
    public static final String INSURED = "insured";
    public static final String SERVICE = "service";

    private Roles() {
    }
}
