package cn.medins.account.enrollment;

/** In-service (在职), retired (退休), flexible employment (灵活就业) for 310; RESIDENT for 390. */
public enum PersonType {
    IN_SERVICE, RETIRED, FLEXIBLE, RESIDENT;

    public boolean fits(InsuranceType type) {
        return (this == RESIDENT) == (type == InsuranceType.RESIDENT);
    }
}
