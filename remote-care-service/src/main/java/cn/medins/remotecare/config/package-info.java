/**
 * The service's settings, in one {@link cn.medins.remotecare.config.RemoteCareConfig}; README
 * "Configuration" lists each with its environment name and default.
 */
package cn.medins.remotecare.config;
