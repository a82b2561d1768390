package cn.lantai.preservation;

import cn.lantai.support.LantaiTest;

/** A record's files on H2. */
@LantaiTest
class H2RecordFilesTest extends RecordFilesContract {
}
