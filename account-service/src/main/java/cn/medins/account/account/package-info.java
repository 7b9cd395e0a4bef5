/**
 * 个人账户 (the personal account) as an append-only ledger: payments, refunds, freezing, closure
 * (不可提现), and the endpoints of family mutual aid. Entry points:
 * {@link cn.medins.account.account.AccountResource}, {@link cn.medins.account.account.AccountService}.
 * Every movement locks the account's row first; the balance never goes below zero.
 */
package cn.medins.account.account;
