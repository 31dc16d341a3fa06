package be.carnet.server.mission;

/** No mission has the id asked for. The id is a random UUID, not a secret, so it is named. */
public class UnknownMissionException extends RuntimeException {

    public UnknownMissionException(String missionId) {
        super("there is no mission with id " + printable(missionId));
    }

    private static String printable(String id) {
        String s = String.valueOf(id);
        s = s.length() > 64 ? s.substring(0, 64) + "…" : s;
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
