package cn.medins.nhsa.client;

import cn.medins.nhsa.envelope.EnvelopeReader;
import cn.medins.nhsa.envelope.NhsaRefusal;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * A call to one of the three services, its answer read as JSON: a success as it is, a refusal as the
 * national answer gives it ({@code err_msg} in Chinese naming the cause, the suite's code kept), a service
 * that did not answer as a transient refusal that says to retry (nothing was done).
 */
public final class Suite {

    /** The suite's problem codes a HIS meets most, in the words of the national interface. */
    private static final Map<String, String> CHINESE = Map.ofEntries(
            Map.entry("VALIDATION_FAILED", "入参校验失败"),
            Map.entry("VISIT_NOT_FOUND", "就诊信息不存在（mdtrt_id）"),
            Map.entry("VISIT_EXISTS", "该就诊已办理入院或挂号"),
            Map.entry("VISIT_SETTLED", "该就诊已结算，不能变更，请先撤销结算"),
            Map.entry("VISIT_WITHDRAWN", "该就诊已撤销"),
            Map.entry("NOT_DISCHARGED", "未办理出院，不能住院结算"),
            Map.entry("NO_FEE_LINES", "没有可结算的费用明细"),
            Map.entry("FEE_LINE_CONFLICT", "费用明细流水号已上传且内容不同"),
            Map.entry("FEE_LINE_NOT_FOUND", "费用明细流水号不存在"),
            Map.entry("NOT_INPATIENT", "非住院就诊不能办理出院"),
            Map.entry("UNKNOWN_PERSON", "人员信息不存在（psn_no）"),
            Map.entry("PERSON_NOT_FOUND", "人员信息不存在"),
            Map.entry("UNKNOWN_INSTITUTION", "定点医药机构不存在"),
            Map.entry("INSTITUTION_NOT_DESIGNATED", "非定点医药机构"),
            Map.entry("MEDICAL_TYPE_NOT_OFFERED", "该机构不能办理此医疗类别"),
            Map.entry("POLICY_NOT_FOUND", "参保地未配置当年待遇政策"),
            Map.entry("SETTLEMENT_NOT_FOUND", "结算信息不存在（setl_id）"),
            Map.entry("ALREADY_CANCELLED", "该结算已撤销"),
            Map.entry("ALREADY_SETTLED", "该就诊已结算"),
            Map.entry("FORBIDDEN", "无权办理其他机构的业务"),
            Map.entry("IDEMPOTENCY_KEY_IN_FLIGHT", "同一报文正在处理，请稍后重试"));

    private Suite() {
    }

    /** The 2xx answer's body; a refusal otherwise. */
    public static JsonNode call(String what, Supplier<Response> call) {
        Response r;
        try {
            r = call.get();
        } catch (ProcessingException | CircuitBreakerOpenException e) {
            throw unavailable(what);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof java.io.IOException) {
                throw unavailable(what);
            }
            throw e;
        }
        try (r) {
            String body = r.hasEntity() ? r.readEntity(String.class) : "";
            JsonNode json = body.isBlank() ? EnvelopeReader.mapper().createObjectNode() : read(body);
            if (r.getStatus() < 300) {
                return json;
            }
            if (r.getStatus() >= 500) {
                throw new NhsaRefusal(what + "暂不可用，请稍后用原报文重试（未办理任何业务）："
                        + json.path("detail").asText(""), json.path("code").asText("UNAVAILABLE"), true);
            }
            String code = json.path("code").asText("REFUSED");
            boolean inFlight = "IDEMPOTENCY_KEY_IN_FLIGHT".equals(code); // the first try still runs: retry later
            String field = json.path("violations").path(0).path("field").asText("");
            throw new NhsaRefusal(CHINESE.getOrDefault(code, "业务办理失败") + (field.isEmpty() ? "" : "，字段 " + field)
                    + "：" + json.path("detail").asText(""), code, inFlight);
        }
    }

    /** The code of a refusal of the suite, for the callers that accept one (an admission already made). */
    public static boolean refusedWith(NhsaRefusal r, String code) {
        return code.equals(r.code());
    }

    private static NhsaRefusal unavailable(String what) {
        return new NhsaRefusal(what + "无响应，请稍后用原报文重试（未办理任何业务）", "UNAVAILABLE", true);
    }

    private static JsonNode read(String body) {
        try {
            return EnvelopeReader.mapper().readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new NhsaRefusal("医保服务返回了无法解析的应答", "BAD_ANSWER", true);
        }
    }
}
