import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.io.File;
import javax.imageio.ImageIO;

/** Captures the whole X display into a PNG: `java releng/scripts/Screenshot.java OUT.png` (used for README pictures). */
public class Screenshot {
    public static void main(String[] args) throws Exception {
        var size = Toolkit.getDefaultToolkit().getScreenSize();
        var image = new Robot().createScreenCapture(new Rectangle(size));
        ImageIO.write(image, "png", new File(args[0]));
    }
}
