package be.carnet.i18n;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * All catalogues, loaded once: for each area and language, the UTF-8 properties file
 * {@code be/carnet/i18n/AREA_LANG.properties} on the class path. Immutable and thread-safe once built.
 *
 * <p>Areas keep the apps' strings apart: {@code common}, {@code client}, {@code server},
 * {@code taxonomy}. A key may appear in one area only.
 */
public final class Messages {

    /** The catalogue areas, in load order. */
    public static final List<String> AREAS = List.of("common", "client", "server", "taxonomy");

    private final Map<Language, Map<String, String>> catalogues;

    private Messages(Map<Language, Map<String, String>> catalogues) {
        this.catalogues = catalogues;
    }

    /** Loads every area in every language from the class path. */
    public static Messages load() {
        Map<Language, Map<String, String>> all = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Map<String, String> merged = new TreeMap<>();
            for (String area : AREAS) {
                for (Map.Entry<String, String> entry : area(area, language).entrySet()) {
                    if (merged.put(entry.getKey(), entry.getValue()) != null) {
                        throw new IllegalStateException("message key " + entry.getKey() + " is defined in two areas");
                    }
                }
            }
            all.put(language, Collections.unmodifiableMap(merged));
        }
        return new Messages(all);
    }

    /** The raw entries of one catalogue file, or an empty map if the file does not exist. */
    public static Map<String, String> area(String area, Language language) {
        String resource = "be/carnet/i18n/" + area + "_" + language.code() + ".properties";
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
            Map<String, String> entries = new TreeMap<>();
            if (in == null) {
                return entries;
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, UTF_8));
            for (String name : properties.stringPropertyNames()) {
                entries.put(name, properties.getProperty(name));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read message catalogue " + resource, e);
        }
    }

    /** The translator for {@code language}. */
    public Translator in(Language language) {
        return new Translator(language, catalogues.get(language));
    }

    /** Every key of {@code language}. */
    public Set<String> keys(Language language) {
        return catalogues.get(language).keySet();
    }
}
