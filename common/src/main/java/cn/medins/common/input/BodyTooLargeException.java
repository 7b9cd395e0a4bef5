package cn.medins.common.input;

import cn.medins.common.problem.ProblemException;

/** A body longer than its operation reads: a 413 problem naming the limit. */
public class BodyTooLargeException extends ProblemException {

    public BodyTooLargeException(String detail) {
        super(413, "PAYLOAD_TOO_LARGE", detail);
    }

    /** The refusal of a body over {@code limit} bytes, {@code holds} saying what a body of that size holds. */
    public static BodyTooLargeException over(long limit, String length, String holds) {
        return new BodyTooLargeException("The body is " + length + "; this operation reads at most " + describe(limit)
                + (holds == null || holds.isEmpty() ? "" : " (" + holds + ")") + ". Nothing was done.");
    }

    static String describe(long bytes) {
        String size = bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes % 1024 == 0 ? (bytes >> 10) + " KiB"
                : bytes + " bytes";
        return size + " (" + String.format("%,d", bytes) + " bytes)";
    }
}
