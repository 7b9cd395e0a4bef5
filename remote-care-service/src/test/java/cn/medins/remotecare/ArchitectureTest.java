package cn.medins.remotecare;

import cn.medins.testsupport.ServiceArchitectureTest;

/** The layout of remote-care-service (one package per capability), kept by rules that fail the build. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("cn.medins.remotecare");
    }
}
