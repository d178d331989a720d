package org.dbb.console.app.icons;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.image.Image;

/**
 * The application icon at every size the window system may pick from. Stateless; call on any thread once the toolkit
 * runs.
 */
public final class BrandIcons {

    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256, 512};

    private BrandIcons() {
    }

    /** Images of the application icon, smallest first; sizes missing from the build are skipped. */
    public static List<Image> windowIcons() {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            InputStream in = BrandIcons.class.getResourceAsStream("dbb-console-" + size + ".png");
            if (in != null) {
                images.add(new Image(in));
            }
        }
        return images;
    }
}
