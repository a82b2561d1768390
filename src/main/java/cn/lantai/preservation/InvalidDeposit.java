package cn.lantai.preservation;

/** A deposit the store refuses before writing anything: a file name that could leave the object, or no such file. */
public class InvalidDeposit extends RuntimeException {

    public InvalidDeposit(String message) {
        super(message);
    }
}
