package be.carnet.packaging;

import be.carnet.client.Main;
import be.carnet.content.ContentTool;
import java.util.Arrays;

/**
 * {@code java -jar carnet.jar COMMAND …}: {@code traveller} (the traveller's app), {@code agency}
 * (the agency server: init, serve), {@code content} (check, build) and {@code demo} (both apps with
 * demo data).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "traveller" -> Main.main(rest);
            case "agency" -> be.carnet.server.Main.main(rest);
            case "content" -> ContentTool.main(rest);
            case "demo" -> Demo.main(rest);
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    private static void usage() {
        System.err.println("usage: java -jar carnet.jar traveller [--data DIR] [--port N] [--system-browser | --no-browser]");
        System.err.println("       java -jar carnet.jar agency init --data DIR --admin NAME");
        System.err.println("       java -jar carnet.jar agency serve --data DIR [--bind 127.0.0.1] [--port 8080] [--trusted-proxies ADDR,ADDR]");
        System.err.println("       java -jar carnet.jar content check|build ...");
        System.err.println("       java -jar carnet.jar demo [--content DIR] [--data DIR]");
    }
}
