/** Bearer JWTs: roles, the caller and whom they may act for, the services' own short-lived tokens. */
package cn.medins.common.security;
