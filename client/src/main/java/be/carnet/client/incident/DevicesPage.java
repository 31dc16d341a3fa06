package be.carnet.client.incident;

import be.carnet.client.web.Chrome;
import be.carnet.client.form.FieldError;
import java.util.List;

/**
 * The traveller's trip devices.
 *
 * @param chrome the page frame
 * @param devices the list
 * @param typed what was typed in the add field (after a refusal), or empty
 * @param error the rule the typed name broke, or null
 */
public record DevicesPage(Chrome chrome, List<String> devices, String typed, FieldError error) {

    public DevicesPage {
        devices = List.copyOf(devices);
    }
}
