package be.carnet.client.briefing;

import be.carnet.i18n.Language;
import be.carnet.protocol.Randomness;
import be.carnet.protocol.age.X25519Identity;
import be.carnet.protocol.briefing.Briefing;
import be.carnet.protocol.bundle.Bundles;
import be.carnet.protocol.sign.Ed25519KeyPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Issue 3's benchmark, run by hand (not a test): opening the full bundle (verify, decrypt, parse,
 * index) against a plain ChaCha20-Poly1305 decryption of the same number of bytes, in one run, as a
 * ratio; and search latency over the full content. Usage: {@code java -cp … BriefingBenchmark
 * [content-dir]}.
 */
public final class BriefingBenchmark {

    private BriefingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path content = Path.of(args.length > 0 ? args[0] : "../content");
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(content.resolve("briefings"))) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(content.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
        Ed25519KeyPair agency = Ed25519KeyPair.generate();
        X25519Identity mission = X25519Identity.generate();
        Instant now = Instant.now();
        byte[] bundle = Bundles.write("bench", 1, now, now.plus(Duration.ofDays(30)), List.of("fr", "nl"), files,
                List.of(mission.recipient()), agency);

        byte[] key = Randomness.bytes(32);
        byte[] sealed = sealChunks(key, bundle.length);

        int rounds = 60;
        long[] open = new long[rounds];
        long[] plain = new long[rounds];
        BriefingIndex index = null;
        for (int warm = 0; warm < 2; warm++) {
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                index = openAndIndex(bundle, agency, mission, now);
                long t1 = System.nanoTime();
                openChunks(key, sealed);
                long t2 = System.nanoTime();
                open[i] = t1 - t0;
                plain[i] = t2 - t1;
            }
        }
        List<String> queries = List.of("wifi", "securite", "usb", "douane", "vpn", "chine", "hotel", "phishing",
                "mot de passe", "wachtwoord", "grens", "cadeau", "qr", "bluetooth", "ambassade");
        List<Long> searches = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            String q = queries.get(i % queries.size());
            Language language = i % 2 == 0 ? Language.FR : Language.NL;
            long t0 = System.nanoTime();
            index.search(q, language);
            long t1 = System.nanoTime();
            if (i >= 1000) {
                searches.add(t1 - t0);
            }
        }
        Arrays.sort(open);
        Arrays.sort(plain);
        searches.sort(Long::compare);
        System.out.printf("bundle: %d files, %d bytes%n", files.size(), bundle.length);
        System.out.printf("open (verify+decrypt+parse+index): median %.2f ms, p95 %.2f ms%n", ms(open[rounds / 2]),
                ms(open[rounds * 95 / 100]));
        System.out.printf("plain ChaCha20-Poly1305 of the same bytes: median %.3f ms%n", ms(plain[rounds / 2]));
        System.out.printf("ratio open / plain (medians): %.1f%n", (double) open[rounds / 2] / plain[rounds / 2]);
        System.out.printf("search: p50 %.3f ms, p95 %.3f ms, p99 %.3f ms over %d queries%n",
                ms(searches.get(searches.size() / 2)), ms(searches.get(searches.size() * 95 / 100)),
                ms(searches.get(searches.size() * 99 / 100)), searches.size());
    }

    private static BriefingIndex openAndIndex(byte[] bundle, Ed25519KeyPair agency, X25519Identity mission,
                                              Instant now) {
        Bundles.VerifiedBundle verified = Bundles.open(bundle, agency.publicKey(), "bench", null, List.of(mission), now);
        Map<String, Map<String, Briefing>> briefings = new LinkedHashMap<>();
        verified.files().forEach((path, bytes) -> {
            Briefing b = Briefing.parse(new String(bytes, StandardCharsets.UTF_8));
            briefings.computeIfAbsent(b.id(), id -> new LinkedHashMap<>()).put(b.lang(), b);
        });
        BriefingLibrary library = new BriefingLibrary(1, verified.sha256(), now, now, briefings, 0, null);
        return BriefingIndex.of(library);
    }

    private static byte[] sealChunks(byte[] key, int length) throws Exception {
        byte[] plain = Randomness.bytes(length);
        List<byte[]> out = new ArrayList<>();
        for (int off = 0, n = 0; off < length; off += 65536, n++) {
            int len = Math.min(65536, length - off);
            ChaCha20Poly1305 aead = new ChaCha20Poly1305();
            aead.init(true, new AEADParameters(new KeyParameter(key), 128, nonce(n)));
            byte[] c = new byte[len + 16];
            int w = aead.processBytes(plain, off, len, c, 0);
            aead.doFinal(c, w);
            out.add(c);
        }
        int total = out.stream().mapToInt(c -> c.length).sum();
        byte[] all = new byte[total];
        int p = 0;
        for (byte[] c : out) {
            System.arraycopy(c, 0, all, p, c.length);
            p += c.length;
        }
        return all;
    }

    private static void openChunks(byte[] key, byte[] sealed) throws Exception {
        byte[] out = new byte[65536];
        for (int off = 0, n = 0; off < sealed.length; off += 65536 + 16, n++) {
            int len = Math.min(65536 + 16, sealed.length - off);
            ChaCha20Poly1305 aead = new ChaCha20Poly1305();
            aead.init(false, new AEADParameters(new KeyParameter(key), 128, nonce(n)));
            int w = aead.processBytes(sealed, off, len, out, 0);
            aead.doFinal(out, w);
        }
    }

    private static byte[] nonce(int n) {
        byte[] nonce = new byte[12];
        nonce[10] = (byte) n;
        return nonce;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
