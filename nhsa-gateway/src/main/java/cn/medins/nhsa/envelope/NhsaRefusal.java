package cn.medins.nhsa.envelope;

/**
 * A transaction refused: answered {@code infcode} -1 with {@code errMsg} (Chinese, naming the cause and
 * the field) and the suite's problem code in {@code warn_msg}. {@code transient} when a service did not
 * answer: nothing was done, and the same msgid may be sent again.
 */
public class NhsaRefusal extends RuntimeException {

    private final String code;
    private final boolean transientFault;

    public NhsaRefusal(String errMsg, String code, boolean transientFault) {
        super(errMsg);
        this.code = code;
        this.transientFault = transientFault;
    }

    public NhsaRefusal(String errMsg, String code) {
        this(errMsg, code, false);
    }

    /** A field the transaction needs is missing or unreadable. */
    public static NhsaRefusal field(String path, String what) {
        return new NhsaRefusal(path + what, "VALIDATION_FAILED");
    }

    public String code() {
        return code;
    }

    public boolean isTransient() {
        return transientFault;
    }
}
