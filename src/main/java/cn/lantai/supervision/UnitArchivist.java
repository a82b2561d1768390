package cn.lantai.supervision;

/** An archivist (档案员) of a unit as the bureau knows them: a name and a phone ({@code null} when not given). */
public record UnitArchivist(String name, String phone) {
}
