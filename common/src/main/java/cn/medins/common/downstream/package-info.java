/** The one way a service calls another: a bounded call whose failure is a {@code DownstreamUnavailableException} (503). */
package cn.medins.common.downstream;
