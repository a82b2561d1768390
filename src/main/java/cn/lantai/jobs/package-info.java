/** Background jobs with persistent state and visible progress, resumed after a restart. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package cn.lantai.jobs;
