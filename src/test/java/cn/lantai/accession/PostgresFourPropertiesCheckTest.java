package cn.lantai.accession;

import cn.lantai.support.PostgresTest;

/** The four-properties check of transfer packages, on PostgreSQL. */
@PostgresTest
class PostgresFourPropertiesCheckTest extends FourPropertiesCheckContract {
}
