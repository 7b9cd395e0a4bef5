/** nhsa-gateway's settings: none of its own yet beyond the shared ones (README "Configuration"). */
package cn.medins.nhsa.config;
