/**
 * 医疗救助对象身份: the identities (人员身份) that civil affairs (民政) and rural revitalisation report for
 * people in hardship, registered one by one by the agency or imported from their lists, each valid
 * over a window. Settlement reads the categories valid on a date from the eligibility answer.
 */
package cn.medins.account.assistance;
