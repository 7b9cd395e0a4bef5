package cn.medins.reimbursement.client;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns 5xx answers into an exception, so that fault tolerance counts them; 4xx answers stay
 * responses, read by {@link AccountGateway} as the rule they report.
 */
public class ServerErrorMapper implements ResponseExceptionMapper<AccountServiceUnavailableException> {

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 500;
    }

    @Override
    public AccountServiceUnavailableException toThrowable(Response response) {
        return new AccountServiceUnavailableException("account-service answered " + response.getStatus(), null);
    }
}
