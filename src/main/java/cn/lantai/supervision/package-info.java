/**
 * Supervision of the district's units (监督指导): each unit's archive work as the bureau oversees it, law-enforcement
 * inspections with their rectification and follow-up review, guidance visits, training, publicity events and the
 * grading of archive rooms.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "catalog", "identity", "audit", "accession"})
package cn.lantai.supervision;
