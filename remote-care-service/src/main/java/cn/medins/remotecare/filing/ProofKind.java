package cn.medins.remotecare.filing;

/** The proof a long-term filing needs: residence permit (居住证) or work certificate (工作证明). */
public enum ProofKind {
    RESIDENCE_PERMIT, WORK_CERTIFICATE
}
