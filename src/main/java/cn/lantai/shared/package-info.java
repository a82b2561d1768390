/**
 * What every module speaks alike: a refusal with the HTTP status it answers and the message key that says why.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package cn.lantai.shared;
