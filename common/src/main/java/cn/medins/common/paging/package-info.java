/** Lists: {@code ?limit=} and an opaque {@code ?cursor=}, answered as {@code {items, nextCursor}}. */
package cn.medins.common.paging;
