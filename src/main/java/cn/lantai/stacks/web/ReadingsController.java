package cn.lantai.stacks.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.lantai.stacks.StacksProblem;
import cn.lantai.stacks.internal.climate.Intake;
import cn.lantai.stacks.internal.climate.ReadingIntake;
import cn.lantai.stacks.internal.climate.ReadingJson;
import cn.lantai.stacks.internal.climate.Sensor;
import cn.lantai.stacks.internal.climate.SensorLimits;
import cn.lantai.stacks.internal.climate.Sensors;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sensors post readings: {@code POST /api/v1/stacks/readings} with {@code Authorization: Bearer <sensor token>} and
 * one reading {@code {"room","sensor","at","temperature","humidity"}} or an array of up to
 * {@link ReadingIntake#MAX_BATCH}, at most {@link #MAX_BODY} bytes. Answers 200 {@code {"stored","duplicates"}}; 401
 * without a valid token of an enabled sensor; 429 with {@code Retry-After} beyond the sensor's rate; 400 for what is
 * not JSON; 413 for a body too large; 422, 404 or 403 (problem+json naming the reading) for a bad reading, an unknown
 * room or another sensor's or room's reading, and then nothing of the call is kept.
 */
@RestController
class ReadingsController {

    /** The largest body read: a full batch of readings with room to spare. */
    static final int MAX_BODY = ReadingJson.MAX_BYTES;

    private final Sensors sensors;
    private final SensorLimits limits;
    private final ReadingIntake intake;
    private final MessageSource messages;

    ReadingsController(Sensors sensors, SensorLimits limits, ReadingIntake intake, MessageSource messages) {
        this.sensors = sensors;
        this.limits = limits;
        this.intake = intake;
        this.messages = messages;
    }

    @PostMapping("/api/v1/stacks/readings")
    ResponseEntity<?> post(HttpServletRequest request, Locale locale) throws IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        Sensor sensor = (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? sensors.byToken(authorization.substring(7)) : Optional.<Sensor>empty())
                .orElseThrow(() -> new StacksProblem(401, "stacks.reading.no-credential"));
        try {
            limits.take(sensor.code());
        } catch (StacksProblem flood) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    messages.getMessage(flood.key(), flood.arguments(), flood.key(), locale));
            p.setProperty("code", flood.key());
            return ResponseEntity.status(429).header(HttpHeaders.RETRY_AFTER, flood.arguments()[0].toString())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        Intake kept = intake.fromSensor(sensor, ReadingJson.readings(body(request)));
        return ResponseEntity.ok(Map.of("stored", kept.stored(), "duplicates", kept.duplicates()));
    }

    private static byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            throw new StacksProblem(413, "stacks.reading.too-large", MAX_BODY / 1024);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new StacksProblem(413, "stacks.reading.too-large", MAX_BODY / 1024);
            }
            return body;
        }
    }
}
