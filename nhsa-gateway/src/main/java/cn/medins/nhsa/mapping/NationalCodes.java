package cn.medins.nhsa.mapping;

/** The national dictionaries (代码表) the gateway answers with, from the suite's own values. */
public final class NationalCodes {

    /** fund_pay_type 基金支付类型. */
    public static final String EMPLOYEE_POOL = "310100";
    public static final String RESIDENT_POOL = "390100";
    public static final String RESIDENT_CATASTROPHIC = "390200";
    public static final String EMPLOYEE_LARGE_AMOUNT = "330100";
    public static final String MEDICAL_ASSISTANCE = "610100";

    private NationalCodes() {
    }

    /** psn_type 人员类别 of account-service's person type. */
    public static String psnType(String personType) {
        if (personType == null) {
            return null;
        }
        return switch (personType) {
            case "IN_SERVICE" -> "1101";
            case "RETIRED" -> "1201";
            case "FLEXIBLE" -> "1103";
            case "RESIDENT" -> "1501";
            default -> null;
        };
    }

    /** chrgitm_lv 收费项目等级: 01 甲类, 02 乙类, 03 丙类 (and every item not in the catalogue). */
    public static String chargeLevel(String category) {
        if (category == null) {
            return "03";
        }
        return switch (category) {
            case "A" -> "01";
            case "SELF_FUNDED" -> "03";
            default -> "02";
        };
    }

    /** psn_insu_stas 人员参保状态: 1 正常参保, 2 暂停参保, 4 终止参保. */
    public static String insuranceStatus(String status) {
        if (status == null) {
            return "0";
        }
        return switch (status) {
            case "ACTIVE" -> "1";
            case "SUSPENDED" -> "2";
            default -> "4";
        };
    }
}
