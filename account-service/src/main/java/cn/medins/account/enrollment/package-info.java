/**
 * 参保登记 (enrollment records): the insured person ({@link cn.medins.account.enrollment.Person}, with
 * the GB 11643 {@link cn.medins.account.enrollment.ResidentIdNumber}) and their enrollments
 * (insurance type 310/390, person type, insured region, from/to). The records every other package
 * reads; they depend on nothing else of the service.
 */
package cn.medins.account.enrollment;
