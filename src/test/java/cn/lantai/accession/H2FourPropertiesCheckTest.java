package cn.lantai.accession;

import cn.lantai.support.LantaiTest;

/** The four-properties check of transfer packages, on H2 (the embedded default). */
@LantaiTest
class H2FourPropertiesCheckTest extends FourPropertiesCheckContract {
}
