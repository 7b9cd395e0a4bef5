/** RFC 9457 problem documents: a stable {@code code}, the field a 400 names, mappers so that no input gives a 500. */
package cn.medins.common.problem;
