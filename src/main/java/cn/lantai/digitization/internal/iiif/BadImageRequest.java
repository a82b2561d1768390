package cn.lantai.digitization.internal.iiif;

/** An IIIF image request that breaks the Image API's rules or asks for what this service does not do: a 400. */
public class BadImageRequest extends RuntimeException {

    public BadImageRequest(String message) {
        super(message);
    }
}
