/**
 * 交易 (the national transactions), each an existing operation of the suite: 9001 签到, 1101 人员信息获取,
 * 2401/2402/2404 入院/出院/入院撤销, 2201/2202 挂号/撤销, 2301/2302 and 2204/2205 费用明细上传/撤销,
 * 2303/2304/2305 and 2206/2207/2208 预结算/结算/结算撤销, 2601 冲正, 5206 人员累计信息查询. The msgid journal
 * and the dispatch are {@link cn.medins.nhsa.transaction.GatewayService}'s.
 */
package cn.medins.nhsa.transaction;
