package cn.lantai.stacks.internal.climate;

/** A sensor just registered, with its secret token: shown to the person this once, kept only as a digest. */
public record IssuedSensor(Sensor sensor, String token) {
}
