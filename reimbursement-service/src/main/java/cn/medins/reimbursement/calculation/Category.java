package cn.medins.reimbursement.calculation;

/** Catalog categories (医保目录): 甲类, 乙类, 贵重药品, 特殊检查/治疗, 丙类/自费. */
public enum Category {
    A, B, EXPENSIVE_DRUG, SPECIAL_TREATMENT, SELF_FUNDED
}
