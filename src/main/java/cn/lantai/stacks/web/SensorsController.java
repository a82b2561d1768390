package cn.lantai.stacks.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.Viewer;
import cn.lantai.stacks.internal.climate.IssuedSensor;
import cn.lantai.stacks.internal.climate.Sensor;
import cn.lantai.stacks.internal.climate.Sensors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rooms' sensors in the API, for a personal token with {@code MANAGE_STACKS}: {@code GET
 * /api/v1/stacks/sensors?room=K01}, {@code POST /api/v1/stacks/sensors} {@code {"room","code"}} (201 with the sensor's
 * token, shown this once) and {@code POST /api/v1/stacks/sensors/{code}/disable}.
 */
@RestController
class SensorsController {

    private final Sensors sensors;

    SensorsController(Sensors sensors) {
        this.sensors = sensors;
    }

    /** A sensor to register. */
    record NewSensor(String room, String code) {
    }

    @GetMapping("/api/v1/stacks/sensors")
    List<Map<String, Object>> list(@RequestParam String room) {
        return sensors.ofRoom(room).stream().map(SensorsController::json).toList();
    }

    @PostMapping("/api/v1/stacks/sensors")
    ResponseEntity<Map<String, Object>> register(@RequestBody NewSensor body, Viewer viewer) {
        IssuedSensor issued = sensors.register(body.room(), body.code(), viewer);
        Map<String, Object> answer = json(issued.sensor());
        answer.put("token", issued.token());
        return ResponseEntity.status(201).body(answer);
    }

    @PostMapping("/api/v1/stacks/sensors/{code}/disable")
    Map<String, Object> disable(@PathVariable String code, Viewer viewer) {
        return json(sensors.disable(code, viewer));
    }

    private static Map<String, Object> json(Sensor s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", s.code());
        m.put("room", s.room());
        m.put("enabled", s.enabled());
        m.put("createdAt", s.createdAt());
        m.put("createdBy", s.createdBy());
        return m;
    }
}
