/**
 * Full-text search over the catalogue: one port ({@link cn.lantai.search.SearchIndex}) with two engines, embedded
 * Lucene (default) and SolrCloud. Clearance (密级) and open status filter every query inside the engine.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "catalog", "audit"})
package cn.lantai.search;
