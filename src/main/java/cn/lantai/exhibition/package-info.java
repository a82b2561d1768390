/**
 * Online exhibitions built from open records and published on the portal, and the compilation projects (展览/编研).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "catalog", "digitization", "identity", "audit"})
package cn.lantai.exhibition;
