package be.carnet.content;

import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.protocol.briefing.Briefing;
import be.carnet.protocol.briefing.BriefingFormatException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Checks a content directory: every briefing {@code briefings/ID/LANG.md} parses, exists in French
 * and in Dutch, names its own id and language, and has the same checklist items in both languages.
 * Stateless; {@link #run} reads the files each time.
 */
public final class ContentCheck {

    /** Languages every briefing must have. */
    public static final List<String> REQUIRED_LANGUAGES = List.of("fr", "nl");
    /** The 34 topics of the content brief, §6: before, during, on return. */
    public static final List<String> TOPICS = Stream.of(
            IntStream.rangeClosed(1, 13).mapToObj(i -> "P" + i),
            IntStream.rangeClosed(1, 15).mapToObj(i -> "D" + i),
            IntStream.rangeClosed(1, 6).mapToObj(i -> "R" + i)).flatMap(s -> s).toList();

    private ContentCheck() {
    }

    /**
     * The outcome of a check.
     *
     * @param briefings parsed briefings by path relative to the content directory
     * @param errors problems that make the content unfit to ship, each "file:line: message"
     * @param warnings problems to look at, each "file: message"
     * @param missingTopics topic ids no briefing covers
     */
    public record Result(Map<String, Briefing> briefings, List<String> errors, List<String> warnings,
                         List<String> missingTopics) {

        public boolean ok() {
            return errors.isEmpty();
        }

        /** The coverage line, e.g. {@code coverage: 13/34 topics (missing: D1 D2 …)}. */
        public String coverageLine() {
            int covered = TOPICS.size() - missingTopics.size();
            return "coverage: " + covered + "/" + TOPICS.size() + " topics"
                    + (missingTopics.isEmpty() ? "" : " (missing: " + String.join(" ", missingTopics) + ")");
        }
    }

    /** Checks {@code contentDir} as of {@code today}. */
    public static Result run(Path contentDir, LocalDate today) throws IOException {
        Map<String, Briefing> briefings = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Path root = contentDir.resolve("briefings");
        if (!Files.isDirectory(root)) {
            errors.add(contentDir.relativize(root) + ": the briefings directory is missing");
            return new Result(briefings, errors, warnings, TOPICS);
        }
        List<Path> dirs;
        try (Stream<Path> list = Files.list(root)) {
            dirs = list.filter(Files::isDirectory).sorted().toList();
        }
        Set<String> covered = new TreeSet<>();
        for (Path dir : dirs) {
            String id = dir.getFileName().toString();
            Map<String, Briefing> versions = new TreeMap<>();
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                String name = contentDir.relativize(file).toString().replace('\\', '/');
                String fileName = file.getFileName().toString();
                if (!fileName.matches("(fr|nl|en)\\.md")) {
                    errors.add(name + ": unexpected file; briefings are fr.md, nl.md or en.md");
                    continue;
                }
                String lang = fileName.substring(0, 2);
                Briefing briefing;
                try {
                    briefing = Briefing.parse(readUtf8(file));
                } catch (BriefingFormatException e) {
                    errors.add(name + ":" + e.line() + ": " + e.getMessage().replaceFirst("^line \\d+: ", ""));
                    continue;
                } catch (CharacterCodingException e) {
                    errors.add(name + ": the file is not valid UTF-8");
                    continue;
                }
                if (!briefing.id().equals(id)) {
                    errors.add(name + ":1: id is \"" + briefing.id() + "\" but the directory is \"" + id + "\"");
                }
                if (!briefing.lang().equals(lang)) {
                    errors.add(name + ":1: lang is \"" + briefing.lang() + "\" but the file is " + fileName);
                }
                if (briefing.reviewed().isBefore(today.minusMonths(12))) {
                    warnings.add(name + ": last reviewed on " + briefing.reviewed() + ", more than 12 months ago");
                }
                if (briefing.reviewed().isAfter(today)) {
                    errors.add(name + ":1: reviewed date " + briefing.reviewed() + " is in the future");
                }
                for (String topic : briefing.topics()) {
                    if (!TOPICS.contains(topic)) {
                        errors.add(name + ":1: unknown topic \"" + topic + "\"; topics are P1–P13, D1–D15, R1–R6");
                    }
                }
                covered.addAll(briefing.topics());
                versions.put(lang, briefing);
                briefings.put(name, briefing);
            }
            for (String lang : REQUIRED_LANGUAGES) {
                if (!versions.containsKey(lang) && files.stream().noneMatch(f -> f.endsWith(lang + ".md"))) {
                    errors.add("briefings/" + id + "/" + lang + ".md: missing (every briefing exists in French and in Dutch)");
                }
            }
            compareChecklists(id, versions, errors);
        }
        if (briefings.isEmpty() && errors.isEmpty()) {
            errors.add("briefings: no briefing found");
        }
        List<String> missing = TOPICS.stream().filter(t -> !covered.contains(t)).collect(Collectors.toList());
        return new Result(briefings, errors, warnings, missing);
    }

    private static void compareChecklists(String id, Map<String, Briefing> versions, List<String> errors) {
        Briefing french = versions.get("fr");
        if (french == null) {
            return;
        }
        List<String> reference = french.checklist().stream().map(Briefing.ChecklistItem::id).toList();
        for (Map.Entry<String, Briefing> other : versions.entrySet()) {
            List<String> ids = other.getValue().checklist().stream().map(Briefing.ChecklistItem::id).toList();
            if (!ids.equals(reference)) {
                Set<String> onlyFrench = new TreeSet<>(reference);
                onlyFrench.removeAll(ids);
                Set<String> onlyOther = new TreeSet<>(ids);
                onlyOther.removeAll(reference);
                errors.add("briefings/" + id + "/" + other.getKey() + ".md: checklist items differ from fr.md"
                        + (onlyFrench.isEmpty() ? "" : "; missing " + String.join(", ", onlyFrench))
                        + (onlyOther.isEmpty() ? "" : "; extra " + String.join(", ", onlyOther))
                        + (onlyFrench.isEmpty() && onlyOther.isEmpty() ? "; same items in another order" : ""));
            }
        }
    }

    static String readUtf8(Path file) throws IOException {
        return UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    }
}
