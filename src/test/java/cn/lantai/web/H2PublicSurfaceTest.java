package cn.lantai.web;

import cn.lantai.support.LantaiTest;

/** The public surface on H2. */
@LantaiTest
class H2PublicSurfaceTest extends PublicSurfaceContract {
}
