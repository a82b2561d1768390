package cn.lantai.accession;

import cn.lantai.support.LantaiTest;

/** The filing API on H2 (the embedded default). */
@LantaiTest
class H2FilingTest extends FilingContract {
}
