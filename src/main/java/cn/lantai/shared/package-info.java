/**
 * What every module speaks alike: a refusal with the HTTP status it answers and the message key that says why, and the
 * signal of work somebody is waiting for, before which upkeep gives way.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package cn.lantai.shared;
