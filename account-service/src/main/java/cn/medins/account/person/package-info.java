/**
 * 参保人 (the insured person's use cases): enroll (参保), read, eligibility on a date (待遇资格:
 * {@link cn.medins.account.person.CoverageRules}), transfers between regions (转移接续) and retirement
 * (在职转退休). Entry points: {@link cn.medins.account.person.PersonResource},
 * {@link cn.medins.account.person.PersonService}. The top of the service: it uses enrollment,
 * contribution and account, and nothing uses it.
 */
package cn.medins.account.person;
