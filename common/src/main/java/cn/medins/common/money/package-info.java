/** Money (金额): {@code BigDecimal} in yuan, scale 2, HALF_UP; its validation and its format for people. */
package cn.medins.common.money;
