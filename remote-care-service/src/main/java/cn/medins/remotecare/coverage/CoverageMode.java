package cn.medins.remotecare.coverage;

/** How care in a region is covered: local, filed, exempt from filing, or not covered. */
public enum CoverageMode {
    LOCAL, FILED, EXEMPT, NOT_COVERED
}
