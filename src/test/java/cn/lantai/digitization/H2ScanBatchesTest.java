package cn.lantai.digitization;

import cn.lantai.support.LantaiTest;

/** Scan batches on H2. */
@LantaiTest
class H2ScanBatchesTest extends ScanBatchesContract {
}
