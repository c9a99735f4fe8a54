package io.cxloop.rules.feedback;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Hand-labelled customer comments, read from a tab-separated resource (see {@code samples-tuning.tsv}). */
record LabelledComments(String name, List<Sample> samples) {

    record Sample(String language, Sentiment sentiment, Set<Topic> topics, String comment) {}

    static LabelledComments read(String resource) {
        List<Sample> samples = new ArrayList<>();
        try (InputStream in = LabelledComments.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length != 4) {
                    throw new IllegalStateException(resource + ": expected 4 tab-separated columns in: " + line);
                }
                Set<Topic> topics = EnumSet.noneOf(Topic.class);
                Arrays.stream(columns[2].split(","))
                        .map(String::strip)
                        .filter(topic -> !topic.isEmpty())
                        .map(Topic::valueOf)
                        .forEach(topics::add);
                samples.add(new Sample(columns[0], Sentiment.valueOf(columns[1]), topics, columns[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LabelledComments(resource, samples);
    }

    List<Sample> in(String language) {
        return samples.stream().filter(s -> s.language().equals(language)).toList();
    }
}
