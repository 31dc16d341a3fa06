package be.carnet.protocol.age;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** Reads and writes the textual age header: version line, stanzas, MAC line. */
final class Header {

    static final String VERSION_LINE = "age-encryption.org/v1";
    static final int MAC_LENGTH = 32;
    private static final int COLUMNS = 64;
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_STANZAS = 1024;
    /** The first line of an armored (age -a) file, which Carnet does not read. */
    static final String ARMOR_BEGIN = "-----BEGIN AGE ENCRYPTED FILE-----";

    final List<Stanza> stanzas;
    /** The header bytes covered by the MAC: everything up to and including "---". */
    final byte[] macInput;
    final byte[] mac;

    private Header(List<Stanza> stanzas, byte[] macInput, byte[] mac) {
        this.stanzas = stanzas;
        this.macInput = macInput;
        this.mac = mac;
    }

    /** The header text up to and including "---" (without the MAC). */
    static byte[] encodeWithoutMac(List<Stanza> stanzas) {
        StringBuilder out = new StringBuilder(VERSION_LINE).append('\n');
        for (Stanza stanza : stanzas) {
            out.append("-> ").append(stanza.type());
            for (String arg : stanza.args()) {
                out.append(' ').append(arg);
            }
            out.append('\n');
            String body = Base64.getEncoder().withoutPadding().encodeToString(stanza.body());
            int i = 0;
            while (body.length() - i >= COLUMNS) {
                out.append(body, i, i + COLUMNS).append('\n');
                i += COLUMNS;
            }
            out.append(body, i, body.length()).append('\n');
        }
        out.append("---");
        return out.toString().getBytes(US_ASCII);
    }

    /** Parses the header from {@code in}, leaving it positioned at the payload nonce. */
    static Header read(InputStream in) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        String version = readFirstLine(in, seen);
        if (!VERSION_LINE.equals(version)) {
            throw new AgeException("not an age file (the first line must be " + VERSION_LINE + ")");
        }
        List<Stanza> stanzas = new ArrayList<>();
        while (true) {
            int lineStart = seen.size();
            String line = readLine(in, seen);
            if (line.startsWith("-> ")) {
                if (stanzas.size() >= MAX_STANZAS) {
                    throw new AgeException("malformed age header: too many stanzas");
                }
                stanzas.add(readStanza(line, in, seen));
            } else if (line.startsWith("---")) {
                if (stanzas.isEmpty()) {
                    throw new AgeException("malformed age header: no recipient stanza");
                }
                if (!line.startsWith("--- ")) {
                    throw new AgeException("malformed age header: bad MAC line");
                }
                byte[] mac = decodeBase64(line.substring(4), "header MAC");
                if (mac.length != MAC_LENGTH) {
                    throw new AgeException("malformed age header: the MAC must be 32 bytes");
                }
                byte[] all = seen.toByteArray();
                byte[] macInput = Arrays.copyOf(all, lineStart + 3);
                return new Header(List.copyOf(stanzas), macInput, mac);
            } else {
                throw new AgeException("malformed age header: unexpected line");
            }
        }
    }

    private static Stanza readStanza(String line, InputStream in, ByteArrayOutputStream seen) throws IOException {
        String[] parts = line.substring(3).split(" ", -1);
        for (String part : parts) {
            if (part.isEmpty() || !part.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
                throw new AgeException("malformed age header: bad stanza argument");
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String bodyLine = readLine(in, seen);
            if (bodyLine.length() > COLUMNS) {
                throw new AgeException("malformed age header: stanza body line longer than 64 columns");
            }
            body.writeBytes(decodeBase64(bodyLine, "stanza body"));
            if (bodyLine.length() < COLUMNS) {
                break;
            }
        }
        return new Stanza(parts[0], Arrays.asList(parts).subList(1, parts.length), body.toByteArray());
    }

    /**
     * The version line. An armored file (age -a) is recognised here, CR LF and surrounding spaces
     * allowed, so that it is refused as what it is rather than as a broken header.
     */
    private static String readFirstLine(InputStream in, ByteArrayOutputStream seen) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (line.size() <= ARMOR_BEGIN.length() + 8) {
            int b = in.read();
            if (b < 0) {
                refuseArmor(line.toString(US_ASCII));
                throw new AgeException("the age header is truncated");
            }
            if (b == '\n') {
                seen.write(b);
                String text = line.toString(US_ASCII);
                refuseArmor(text);
                if (text.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
                    throw new AgeException("malformed age header: non-printable byte");
                }
                return text;
            }
            seen.write(b);
            line.write(b);
        }
        refuseArmor(line.toString(US_ASCII));
        throw new AgeException("not an age file (the first line must be " + VERSION_LINE + ")");
    }

    private static void refuseArmor(String firstLine) {
        if (firstLine.strip().startsWith(ARMOR_BEGIN)) {
            throw new AgeException("armored age files (" + ARMOR_BEGIN + ") are not supported;"
                    + " give Carnet the binary age file (decode the base64 between the BEGIN and END lines)");
        }
    }

    private static String readLine(InputStream in, ByteArrayOutputStream seen) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new AgeException("the age header is truncated");
            }
            seen.write(b);
            if (seen.size() > MAX_HEADER_BYTES) {
                throw new AgeException("the age header is larger than " + MAX_HEADER_BYTES + " bytes");
            }
            if (b == '\n') {
                return line.toString();
            }
            if (b < 0x20 || b > 0x7e) {
                throw new AgeException("malformed age header: non-printable byte");
            }
            line.append((char) b);
        }
    }

    /** Strict unpadded standard base64, as age requires: no padding, no non-canonical trailing bits. */
    static byte[] decodeBase64(String text, String what) {
        if (text.indexOf('=') >= 0 || text.indexOf('\r') >= 0) {
            throw new AgeException("malformed " + what + ": padded or invalid base64");
        }
        byte[] out;
        try {
            out = Base64.getDecoder().decode(text.getBytes(US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new AgeException("malformed " + what + ": invalid base64", e);
        }
        if (!Base64.getEncoder().withoutPadding().encodeToString(out).equals(text)) {
            throw new AgeException("malformed " + what + ": non-canonical base64");
        }
        return out;
    }
}
