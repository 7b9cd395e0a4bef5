/**
 * 家庭共济 (family mutual aid): close relatives bound to an employee's personal account, whose care
 * and premiums it may pay. Owns {@link cn.medins.account.family.FamilyBinding}; entry point
 * {@link cn.medins.account.family.FamilyMutualAidService} (the endpoints are the account's, under
 * {@code /accounts/{personId}/family-members}).
 */
package cn.medins.account.family;
