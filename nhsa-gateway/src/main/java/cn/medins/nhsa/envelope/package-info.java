/**
 * 报文 (the national interface's envelope): reading a HIS's message as public HIS code writes it
 * ({@link cn.medins.nhsa.envelope.Envelope}, {@link cn.medins.nhsa.envelope.Fields}), and answering it
 * ({@link cn.medins.nhsa.envelope.Answer}).
 */
package cn.medins.nhsa.envelope;
