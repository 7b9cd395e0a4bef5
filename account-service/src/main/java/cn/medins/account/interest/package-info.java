/**
 * 计息: interest on personal accounts (个人账户), "个人账户中的本金和利息是为个人所有的" (seed 002). The agency sets
 * a yearly rate per insured region and posts a year's interest once per account, on the daily balances
 * (积数计息).
 */
package cn.medins.account.interest;
