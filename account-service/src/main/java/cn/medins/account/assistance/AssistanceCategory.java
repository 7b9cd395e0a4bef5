package cn.medins.account.assistance;

/** The categories of people medical assistance (医疗救助) is for, as civil affairs identifies them. */
public enum AssistanceCategory {
    /** 特困人员. */
    EXTREME_POVERTY,
    /** 孤儿、事实无人抚养儿童. */
    ORPHAN,
    /** 低保对象. */
    SUBSISTENCE,
    /** 返贫致贫人口、监测对象. */
    RETURNED_TO_POVERTY,
    /** 低保边缘家庭成员. */
    NEAR_SUBSISTENCE,
    /** 因病致贫重病患者. */
    ILLNESS_POVERTY,
    OTHER
}
