package be.carnet.content;

import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.protocol.age.AgeException;
import be.carnet.protocol.age.X25519Recipient;
import be.carnet.protocol.bundle.MissionPassphrase;
import be.carnet.protocol.json.CanonicalJson;
import be.carnet.protocol.keys.PemKeys;
import be.carnet.protocol.keys.SafeFiles;
import be.carnet.protocol.sign.Ed25519KeyPair;
import be.carnet.protocol.sign.SignatureException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The author's command line:
 * <pre>
 * content check [--content DIR]
 * content build --mission ID --version N --recipient age1… [--recipient age1…] --agency-key FILE
 *               --out FILE [--content DIR] [--expires-days 90] [--profile FILE]
 *               [--passphrase-file FILE [--passphrase-work-factor 18]]
 * </pre>
 * With {@code --passphrase-file} the bundle also opens with the mission passphrase (its first line), and
 * {@code --recipient} becomes optional. The passphrase is read from a file, never from the command line, so
 * that it stays out of the shell history and the process list.
 * Exit codes: 0 success, 1 the content or the input is refused, 2 wrong usage.
 */
public final class ContentTool {

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    public ContentTool(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(new ContentTool(System.out, System.err, Clock.systemUTC()).run(args));
    }

    /** Runs one command; returns the exit code. */
    public int run(String[] args) {
        if (args.length == 0) {
            return usage("a command is required: check or build");
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        try {
            return switch (args[0]) {
                case "check" -> check(options);
                case "build" -> build(options);
                default -> usage("unknown command " + args[0]);
            };
        } catch (ContentException | AgeException | SignatureException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (NoSuchFileException e) {
            err.println("error: file not found: " + e.getFile());
            return 1;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int check(Options options) throws IOException {
        ContentCheck.Result result = ContentCheck.run(options.content, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        result.errors().forEach(e -> err.println("error: " + e));
        result.warnings().forEach(w -> err.println("warning: " + w));
        out.println(result.coverageLine());
        if (!result.ok()) {
            out.println("check failed: " + result.errors().size() + " error(s)");
            return 1;
        }
        out.println("check passed: " + result.briefings().size() + " briefing files");
        return 0;
    }

    private int build(Options options) throws IOException {
        if (options.mission == null || options.version == null || options.agencyKey == null || options.outFile == null
                || (options.recipients.isEmpty() && options.passphraseFile == null)) {
            return usage("build needs --mission, --version, --recipient (or --passphrase-file), --agency-key and --out");
        }
        long version;
        try {
            version = Long.parseLong(options.version);
        } catch (NumberFormatException e) {
            return usage("--version must be a whole number");
        }
        if (version < 1 || version > CanonicalJson.MAX_SAFE_INTEGER) {
            return usage("--version must be a whole number from 1 to " + CanonicalJson.MAX_SAFE_INTEGER);
        }
        List<X25519Recipient> recipients = new ArrayList<>();
        for (String r : options.recipients) {
            try {
                recipients.add(X25519Recipient.parse(r));
            } catch (AgeException e) {
                throw new ContentException("--recipient is not an age recipient (age1…): " + e.getMessage());
            }
        }
        Ed25519KeyPair key = PemKeys.parsePrivateKey(Files.readString(options.agencyKey, UTF_8));
        String profile = options.profile == null ? null : Files.readString(options.profile, UTF_8);
        char[] passphrase = options.passphraseFile == null ? null : readPassphrase(options.passphraseFile);
        byte[] bundle;
        try {
            MissionPassphrase mission = passphrase == null ? null
                    : new MissionPassphrase(passphrase, options.workFactor);
            Instant now = clock.instant();
            bundle = BundleBuilder.build(options.content, options.mission, version, now,
                    now.plus(Duration.ofDays(options.expiresDays)), recipients, profile, mission, key);
        } catch (IllegalArgumentException e) {
            throw new ContentException(e.getMessage());
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
        SafeFiles.writeAtomically(options.outFile, bundle, false);
        out.println("built " + options.outFile + ": mission " + options.mission + ", version " + version + ", "
                + bundle.length + " bytes, signed by " + key.publicKey().keyId()
                + (profile != null ? ", with the mission contacts" : "")
                + (passphrase != null ? ", also opens with the mission passphrase" : ""));
        return 0;
    }

    /**
     * The first line of {@code file}, without its line end; the file's bytes are cleared from memory after.
     *
     * @throws ContentException if the line is empty, not valid UTF-8, starts with a byte-order mark or holds a
     *     control character (a passphrase nobody could type)
     */
    private static char[] readPassphrase(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        java.nio.CharBuffer chars = null;
        try {
            int end = 0;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
                end++;
            }
            if (end >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
                throw new ContentException("the passphrase file starts with a byte-order mark; save it as UTF-8"
                        + " without BOM");
            }
            try {
                chars = UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes, 0, end));
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new ContentException("the passphrase file is not valid UTF-8");
            }
            char[] passphrase = new char[chars.remaining()];
            chars.get(passphrase);
            if (passphrase.length == 0) {
                throw new ContentException("the passphrase file's first line is empty");
            }
            for (char c : passphrase) {
                if (Character.isISOControl(c)) {
                    Arrays.fill(passphrase, '\0');
                    throw new ContentException("the passphrase holds a control character (a tab?); use letters,"
                            + " digits, spaces and punctuation");
                }
            }
            return passphrase;
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (chars != null && chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
        }
    }

    private int usage(String problem) {
        err.println("error: " + problem);
        err.println("usage: content check [--content DIR]");
        err.println("       content build --mission ID --version N --recipient age1... --agency-key FILE --out FILE"
                + " [--content DIR] [--expires-days DAYS] [--profile FILE]"
                + " [--passphrase-file FILE [--passphrase-work-factor 10-17]]");
        return 2;
    }

    private static final class Options {
        Path content = Path.of("content");
        String mission;
        String version;
        Path agencyKey;
        Path outFile;
        long expiresDays = 90;
        Path profile;
        Path passphraseFile;
        int workFactor = MissionPassphrase.DEFAULT_WORK_FACTOR;
        final List<String> recipients = new ArrayList<>();

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 1; i < args.length; i++) {
                String flag = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                String value = args[++i];
                switch (flag) {
                    case "--content" -> o.content = Path.of(value);
                    case "--mission" -> o.mission = value;
                    case "--version" -> o.version = value;
                    case "--recipient" -> o.recipients.add(value);
                    case "--agency-key" -> o.agencyKey = Path.of(value);
                    case "--out" -> o.outFile = Path.of(value);
                    case "--profile" -> o.profile = Path.of(value);
                    case "--passphrase-file" -> o.passphraseFile = Path.of(value);
                    case "--passphrase-work-factor" -> {
                        try {
                            o.workFactor = Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--passphrase-work-factor must be a whole number");
                        }
                    }
                    case "--expires-days" -> {
                        try {
                            o.expiresDays = Long.parseLong(value);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--expires-days must be a whole number");
                        }
                        if (o.expiresDays < 1 || o.expiresDays > 730) {
                            throw new IllegalArgumentException("--expires-days must be between 1 and 730");
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            return o;
        }
    }
}
