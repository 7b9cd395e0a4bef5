/** The one business clock: a {@code java.time.Clock} in the business zone (Asia/Shanghai by default). */
package cn.medins.common.time;
