package cn.medins.reimbursement.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** 险种 (NHSA {@code insutype}): exchanged as the national code. */
public enum InsuranceType {
    /** 310 职工基本医疗保险. */
    EMPLOYEE("310"),
    /** 390 城乡居民基本医疗保险. */
    RESIDENT("390");

    private final String code;

    InsuranceType(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static InsuranceType ofCode(String code) {
        for (InsuranceType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not one of [310, 390]");
    }
}
