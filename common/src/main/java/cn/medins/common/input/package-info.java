/** Strict input at the edge: duplicate JSON keys, wrong types, NUL characters and long request lines refused. */
package cn.medins.common.input;
