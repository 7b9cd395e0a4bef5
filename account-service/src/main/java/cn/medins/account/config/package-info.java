/**
 * The service's settings, in one {@link cn.medins.account.config.AccountConfig}; README
 * "Configuration" lists each with its environment name and default.
 */
package cn.medins.account.config;
