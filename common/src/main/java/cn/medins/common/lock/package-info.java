/** The suite's advisory locks, named in one place with keys distinct across services ({@link cn.medins.common.lock.AdvisoryLock}). */
package cn.medins.common.lock;
