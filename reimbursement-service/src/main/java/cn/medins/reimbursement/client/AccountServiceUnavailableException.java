package cn.medins.reimbursement.client;

/** account-service did not give an answer (down, timing out, 5xx, circuit open): the outcome is unknown. */
public class AccountServiceUnavailableException extends RuntimeException {

    public AccountServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
