package cn.medins.common.downstream;

/**
 * Another service gave no answer: down, timing out, answering 5xx, or its circuit breaker open. The
 * outcome of the call is unknown; the caller decides what that means (a clean 503, a PENDING saga).
 */
public class DownstreamUnavailableException extends RuntimeException {

    private final String service;

    public DownstreamUnavailableException(String service, String message, Throwable cause) {
        super(service + " " + message, cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
