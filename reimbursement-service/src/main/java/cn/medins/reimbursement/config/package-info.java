/**
 * The service's settings, in one {@link cn.medins.reimbursement.config.ReimbursementConfig}; README
 * "Configuration" lists each with its environment name and default.
 */
package cn.medins.reimbursement.config;
