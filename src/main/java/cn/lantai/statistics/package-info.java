/**
 * The bureau's yearly statistics (统计年报), computed from the other modules' figures, with the change against the
 * previous year, and the director's dashboard.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "catalog", "digitization", "accession",
        "access", "stacks", "supervision", "exhibition", "identity", "audit"})
package cn.lantai.statistics;
