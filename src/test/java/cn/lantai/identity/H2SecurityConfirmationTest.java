package cn.lantai.identity;

import cn.lantai.support.LantaiTest;

/** What waits for the security administrator's confirmation, on H2 (the embedded default). */
@LantaiTest
class H2SecurityConfirmationTest extends SecurityConfirmationContract {
}
