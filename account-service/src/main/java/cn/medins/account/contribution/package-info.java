/**
 * 缴费 (contributions): employees' monthly contributions (the individual share credited to the
 * personal account), residents' yearly premiums, and retirees' monthly allocations (退休人员划入).
 * Entry points: {@link cn.medins.account.contribution.ContributionService},
 * {@link cn.medins.account.contribution.RetireeAllocationResource}; contributions are recorded through
 * {@code POST /persons/{personId}/contributions}.
 */
package cn.medins.account.contribution;
