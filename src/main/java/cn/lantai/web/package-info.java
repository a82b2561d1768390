/** The shell: security, locale (zh-CN first), and the mapping of module exceptions to problem responses. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "jobs", "search", "identity"})
package cn.lantai.web;
