package cn.medins.common.problem;

/** One invalid input: the JSON field (or parameter / header) and what is wrong with it. */
public record Violation(String field, String message) {
}
