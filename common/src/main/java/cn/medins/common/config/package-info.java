/** The settings every service shares ({@code medins.*}), in {@link cn.medins.common.config.MedinsConfig}. */
package cn.medins.common.config;
