package cn.lantai.identity;

import java.util.Set;

/** A group of accounts; its roles are held by every member. */
public record Group(String code, String name, Set<String> roles, Set<String> members) {
}
