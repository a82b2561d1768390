package cn.lantai.catalog;

import cn.lantai.support.LantaiTest;

/** Uploads on H2. */
@LantaiTest
class H2UploadsTest extends UploadsContract {
}
