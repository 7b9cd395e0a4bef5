/**
 * What every module's tests share: the PostgreSQL they run against, packaged services started as
 * processes, test keys and tokens, test data (the fixed business clock's start and today), the bad
 * input walk and the architecture rules.
 */
package cn.medins.testsupport;
