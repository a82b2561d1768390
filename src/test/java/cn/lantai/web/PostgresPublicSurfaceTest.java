package cn.lantai.web;

import cn.lantai.support.PostgresTest;

/** The public surface on PostgreSQL. */
@PostgresTest
class PostgresPublicSurfaceTest extends PublicSurfaceContract {
}
