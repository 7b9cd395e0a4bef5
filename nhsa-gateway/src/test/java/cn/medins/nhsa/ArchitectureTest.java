package cn.medins.nhsa;

import cn.medins.testsupport.ServiceArchitectureTest;

/** The layout of nhsa-gateway (one package per capability), kept by rules that fail the build. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("cn.medins.nhsa");
    }
}
