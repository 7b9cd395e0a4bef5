package cn.medins.nhsa.envelope;

/** 9102 文件下载's answer: the file itself, not an envelope (clients write the body to a .zip). */
public record Download(String filename, byte[] content) implements Reply {
}
