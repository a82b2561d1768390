package cn.lantai.accession;

import cn.lantai.support.LantaiTest;

/** The four-properties check of stored records on H2. */
@LantaiTest
class H2RecheckTest extends RecheckContract {
}
