/**
 * 异地就医备案 (remote-care filings): who may be treated in which region, from when to when, with which
 * proof, and whether the personal account may pay there. Entry points:
 * {@link cn.medins.remotecare.filing.FilingResource}, {@link cn.medins.remotecare.filing.FilingService}
 * (the rules of docs/rules.md section 6).
 */
package cn.medins.remotecare.filing;
