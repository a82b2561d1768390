package cn.lantai;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

/** Lantai (兰台): the digital archive of a district archives bureau. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class LantaiApplication {

    public static void main(String[] args) {
        SpringApplication.run(LantaiApplication.class, args);
    }
}
