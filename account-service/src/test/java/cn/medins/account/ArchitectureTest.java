package cn.medins.account;

import cn.medins.testsupport.ServiceArchitectureTest;

/** The layout of account-service (one package per capability), kept by rules that fail the build. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("cn.medins.account");
    }
}
