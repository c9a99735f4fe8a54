package io.cxloop.engine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CxloopApplication {

    public static void main(String[] args) {
        SpringApplication.run(CxloopApplication.class, args);
    }
}
