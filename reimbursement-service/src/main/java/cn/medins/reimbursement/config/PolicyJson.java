package cn.medins.reimbursement.config;

import cn.medins.reimbursement.calculation.PolicyDocument;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * A policy document is written as it was given: an optional part or rule left out stays out (rather
 * than appearing as null), so that the documents of earlier releases read, compare and answer as
 * before the regional rules were added. A band keeps its {@code "upTo": null}, which means "no upper
 * end". Configured here rather than on the records, which are the pure calculation's.
 */
@Singleton
public class PolicyJson implements ObjectMapperCustomizer {

    private static final List<Class<?>> LEAVE_OUT_NULLS = List.of(PolicyDocument.class, PolicyDocument.Inpatient.class,
            PolicyDocument.Outpatient.class, PolicyDocument.Catastrophic.class, PolicyDocument.Chronic.class,
            PolicyDocument.Remote.class, PolicyDocument.Claims.class, PolicyDocument.When.class);

    @Override
    public void customize(ObjectMapper mapper) {
        for (Class<?> type : LEAVE_OUT_NULLS) {
            mapper.configOverride(type).setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.ALWAYS));
        }
    }
}
