/**
 * 政策·定点机构·目录 (reference data the agency maintains): the versioned policies
 * ({@link cn.medins.reimbursement.reference.Policy}), the designated institutions (定点医药机构) and
 * the catalog (医保目录: category, price limit). Entry points:
 * {@link cn.medins.reimbursement.reference.ReferenceDataResource},
 * {@link cn.medins.reimbursement.reference.ReferenceDataService} (cached reads for settlement).
 */
package cn.medins.reimbursement.reference;
