/** The drain (排空) of a stopping service: its last answers after SIGTERM ({@link cn.medins.common.drain.ShutdownDrain}). */
package cn.medins.common.drain;
