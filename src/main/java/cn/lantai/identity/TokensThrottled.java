package cn.lantai.identity;

/**
 * The address has had too many access tokens refused this minute: its calls are refused (429) without their tokens
 * being looked up until the minute ends.
 */
public class TokensThrottled extends RuntimeException {

    public TokensThrottled() {
        super("too many refused access tokens from this address; try again in a minute");
    }
}
