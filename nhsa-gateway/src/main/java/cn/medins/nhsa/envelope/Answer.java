package cn.medins.nhsa.envelope;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer envelope: {@code infcode} 0 (success) or -1 (refused) as the number the specification gives,
 * {@code err_msg} empty on success (clients treat any text there as a failure), the suite's problem code
 * in {@code warn_msg} on a refusal, and {@code output}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Answer(@JsonProperty("infcode") int infcode, @JsonProperty("inf_refmsgid") String infRefmsgid,
                     @JsonProperty("refmsg_time") String refmsgTime, @JsonProperty("respond_time") String respondTime,
                     @JsonProperty("err_msg") String errMsg, @JsonProperty("warn_msg") String warnMsg,
                     @JsonProperty("output") @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT, nullable = true,
                             description = "the transaction's output node in NHSA field names; null on a refusal")
                     Object output) implements Reply {
}
