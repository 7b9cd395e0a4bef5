package cn.medins.nhsa.envelope;

/** What a message is answered with: an envelope ({@link Answer}), or a file's bytes ({@link Download}, 9102). */
public interface Reply {
}
