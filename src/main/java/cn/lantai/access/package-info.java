/**
 * Use of the archives (利用): the public portal over open records, reading-room registration (利用登记), requests for
 * controlled records and their approval, watermarked delivery, certified copies (档案证明/出证) signed by the archive
 * and verifiable by anyone, and the use statistics (人次, 卷次/件次, 复制页数, 出证份数).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "digitization", "search", "audit",
        "identity", "jobs"})
package cn.lantai.access;
