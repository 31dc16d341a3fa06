package be.carnet.protocol;

/** One-byte changes of a valid input, for the parsers' property tests. */
public final class Mutations {

    private Mutations() {
    }

    /**
     * {@code input} with one byte replaced ({@code kind} 0), inserted (1) or deleted (2) at
     * {@code position} (taken modulo the length).
     */
    public static byte[] mutate(byte[] input, int position, byte value, int kind) {
        switch (kind) {
            case 0 -> {
                if (input.length == 0) {
                    return new byte[] {value};
                }
                byte[] out = input.clone();
                out[Math.floorMod(position, input.length)] = value;
                return out;
            }
            case 1 -> {
                int at = Math.floorMod(position, input.length + 1);
                byte[] out = new byte[input.length + 1];
                System.arraycopy(input, 0, out, 0, at);
                out[at] = value;
                System.arraycopy(input, at, out, at + 1, input.length - at);
                return out;
            }
            case 2 -> {
                if (input.length == 0) {
                    return input.clone();
                }
                int at = Math.floorMod(position, input.length);
                byte[] out = new byte[input.length - 1];
                System.arraycopy(input, 0, out, 0, at);
                System.arraycopy(input, at + 1, out, at, input.length - at - 1);
                return out;
            }
            default -> throw new IllegalArgumentException("kind must be 0, 1 or 2");
        }
    }
}
