/**
 * The shell: security, locale (zh-CN first), the mapping of module exceptions to problem responses, and the frame of
 * the workbench (sign-in page, layout, error pages, names of fields and values for the templates).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "jobs", "search", "identity", "shared"})
package cn.lantai.web;
