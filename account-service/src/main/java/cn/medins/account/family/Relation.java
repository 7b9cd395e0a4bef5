package cn.medins.account.family;

/** Close relatives that family mutual aid (家庭共济) may bind. */
public enum Relation {
    SPOUSE, PARENT, CHILD
}
