/**
 * 字段映射 and 代码表: the suite's settlement, fee lines and person in the national interface's field names
 * and dictionary codes (insutype, med_type, psn_type, fund_pay_type, chrgitm_lv); README "The national
 * interface" has the table.
 */
package cn.medins.nhsa.mapping;
