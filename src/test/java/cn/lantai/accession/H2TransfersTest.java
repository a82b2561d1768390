package cn.lantai.accession;

import cn.lantai.support.LantaiTest;

/** Transfers end to end, on H2 (the embedded default). */
@LantaiTest
class H2TransfersTest extends TransfersContract {
}
