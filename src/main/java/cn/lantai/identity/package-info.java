/**
 * Identity: accounts in organisation units and groups, the three separated administrators (三员分立), the archive's
 * roles with their rights and data scopes, clearances (密级), password login with lockout, and personal access tokens.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "audit"})
package cn.lantai.identity;
