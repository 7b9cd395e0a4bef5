package cn.medins.reimbursement.calculation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** 医疗类别, exchanged as the national code. */
public enum MedicalType {
    /** 11 普通门诊. */
    GENERAL_OUTPATIENT("11"),
    /** 13 急诊. */
    EMERGENCY("13"),
    /** 14 门诊慢特病. */
    CHRONIC_OUTPATIENT("14"),
    /** 21 住院. */
    INPATIENT("21"),
    /** 41 定点药店购药. */
    PHARMACY("41");

    private final String code;

    MedicalType(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static MedicalType ofCode(String code) {
        for (MedicalType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not one of [11, 13, 14, 21, 41]");
    }
}
