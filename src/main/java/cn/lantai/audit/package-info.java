@org.springframework.modulith.ApplicationModule(displayName = "audit")
package cn.lantai.audit;
