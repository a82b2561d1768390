package cn.lantai.shared;

/**
 * A refusal of a module's service: the HTTP status it answers, the message key (in the module's bundle) that says why,
 * and the key's arguments. Each module names its own subclass ({@code StacksProblem}, {@code SupervisionProblem} …) so
 * its pages can catch its own refusals; the shell answers all of them alike: under {@code /api/} as problem+json with
 * the key as {@code code}, elsewhere as a short text in the caller's language.
 */
public class Refusal extends RuntimeException {

    private final int status;
    private final String key;
    private final transient Object[] arguments;

    public Refusal(int status, String key, Object... arguments) {
        super(key);
        this.status = status;
        this.key = key;
        this.arguments = arguments.clone();
    }

    public int status() {
        return status;
    }

    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
