/**
 * 文件交换 (9101 文件上传 / 9102 文件下载): the files that detail reconciliation (3202 对明细账) exchanges,
 * kept in the gateway's schema until their download deadline, and their format (a zipped TAB-separated text).
 */
package cn.medins.nhsa.exchange;
