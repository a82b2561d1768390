/**
 * The stacks (库房): rooms, rows, sections and shelves, the location of each 卷, 件 and box (库房-列-节-层), taking out and
 * returning (出库/入库), the rooms' temperature and humidity from people and sensors, and the eight protections (八防):
 * quarterly safety checks, repellent changes, incidents and their ledger.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "catalog", "identity", "audit", "jobs"})
package cn.lantai.stacks;
