/**
 * 异地就医 cover: whether care of a person in a region on a date is covered (filed, exempt, or not),
 * as settlement asks. Entry points: {@link cn.medins.remotecare.coverage.CoverageResource},
 * {@link cn.medins.remotecare.coverage.CoverageService}.
 */
package cn.medins.remotecare.coverage;
