/**
 * 报文日志 and 签到: what the protocol needs kept (the msgid journal for replays and 2601 冲正, the day's
 * sign-ins), and nothing of the money, which stays in the three services.
 */
package cn.medins.nhsa.journal;
