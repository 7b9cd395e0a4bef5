/**
 * 免备案 (filing exemptions): regions whose care is covered without a filing (for example an emergency,
 * or a policy that waives filing). Entry points: {@link cn.medins.remotecare.exemption.ExemptionResource},
 * {@link cn.medins.remotecare.exemption.ExemptionService}.
 */
package cn.medins.remotecare.exemption;
